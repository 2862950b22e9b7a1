import { makeHome, runCli } from '../support/cli';
import { chromiumBrowser, chromiumPeer, killChromiums } from '../support/chromium';
import { useConsoleWorld } from '../support/consoleWorld';
import { testWith } from '../support/peers';
import { CONFIG, CREDENTIALS } from '../support/stsWorld';

// A real browser: awsenv console opens headless Chromium at the sign-in URL, and Chromium follows the login's
// redirect to the fake's stand-in for the console.
const chromium = chromiumPeer();
const browserTest = testWith(chromium);

afterEach(killChromiums);
const world = useConsoleWorld();

async function landed(): Promise<boolean> {
  for (const deadline = Date.now() + 30000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (world.federation().calls.some((call) => call.action === 'landing')) return true;
  }
  return false;
}

describe('awsenv console with Chromium', () => {
  browserTest('Chromium follows the sign-in URL to the console page, which awsenv never prints', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['console', 'partner', '--service', 's3', '-r', 'eu-west-1'], {
      env: { ...env, AWS_ENDPOINT_URL_STS: world.sts().url, AWSENV_FEDERATION_ENDPOINT: world.federation().url, BROWSER: chromiumBrowser(chromium.path!, home) },
    });
    expect([result.code, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toBe('awsenv: opening the AWS console as profile "partner" in the browser (if none opens: awsenv console partner --print)\n');
    expect(await landed()).toBe(true);
    expect(world.federation().calls.filter((call) => call.action !== '/favicon.ico').map((call) => [call.action, call.status])).toEqual([
      ['getSigninToken', 200],
      ['login', 302],
      ['landing', 200],
    ]);
    expect(world.federation().calls.find((call) => call.action === 'login')).toMatchObject({ issuer: 'awsenv', destination: 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1' });
  }, 60000);
});
