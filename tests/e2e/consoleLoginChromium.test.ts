import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeHome, runCli } from '../support/cli';
import { chromiumBrowser, chromiumPeer, killChromiums } from '../support/chromium';
import { freePort, testWith } from '../support/peers';
import { CONSOLE_SESSION, startFakeSignin, type FakeSignin } from '../fakes/signin';

// A real browser: awsenv opens headless Chromium at the fake AWS Sign-In's authorize page, the page's button is
// pressed there, and Chromium follows the redirect back to awsenv's listener.
const chromium = chromiumPeer();
const browserTest = testWith(chromium);
afterEach(killChromiums);

const cacheFile = (home: string) => path.join(home, '.aws', 'login', 'cache', `${createHash('sha256').update(CONSOLE_SESSION).digest('hex')}.json`);

describe.each(['approve', 'deny'] as const)('awsenv login of a console session with Chromium, %s', (press) => {
  let signin: FakeSignin;
  beforeAll(async () => {
    signin = await startFakeSignin('eu-west-1', { pressOnLoad: press });
  });
  afterAll(() => signin.close());

  browserTest(`Chromium presses ${press} and comes back to awsenv`, async () => {
    const { home, env } = makeHome({ config: '' });
    const result = await runCli(['login', 'console', '--region', 'eu-west-1', '--redirect-port', String(await freePort())], {
      env: { ...env, AWS_ENDPOINT_URL_SIGNIN: signin.url, BROWSER: chromiumBrowser(chromium.path!, home) },
      timeoutMs: 60000,
    });
    expect(result.stdout).toBe('');
    if (press === 'approve') {
      expect([result.code, result.stderr]).toEqual([0, expect.stringContaining(`signed in to ${CONSOLE_SESSION}`)]);
      expect(signin.calls).toEqual([{ grant: 'authorization_code' }]);
      expect(JSON.parse(fs.readFileSync(cacheFile(home), 'utf8')).clientId).toBe('arn:aws:signin:::devtools/same-device');
    } else {
      expect([result.code, result.stderr]).toEqual([4, expect.stringContaining('profile "console": console sign-in failed: the sign-in was denied in the browser')]);
      expect(signin.calls).toEqual([]);
      expect(fs.existsSync(cacheFile(home))).toBe(false);
    }
  }, 90000);
});
