import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fromLoginCredentials } from '@aws-sdk/credential-provider-login';
import { expectCleanFailure, makeHome, runCli } from '../support/cli';
import { answerInBrowser, browserCommand, visitsOf } from '../support/ssoBrowser';
import { freePort } from '../support/peers';
import { killTtySessions, startTtySession, withoutControls } from '../support/ttySession';
import { CONSOLE_SESSION, startFakeSignin, type FakeSignin } from '../fakes/signin';

let signin: FakeSignin;
beforeAll(async () => {
  signin = await startFakeSignin('eu-west-1');
});
afterAll(() => signin.close());
afterEach(killTtySessions);

const cacheFile = (home: string) => path.join(home, '.aws', 'login', 'cache', `${createHash('sha256').update(CONSOLE_SESSION).digest('hex')}.json`);

function home(config = '[profile other]\nregion = us-east-1\n') {
  const made = makeHome({ config });
  // DISPLAY: a machine with a browser, so the browser flow is chosen on Linux.
  return { ...made, env: { ...made.env, AWS_ENDPOINT_URL_SIGNIN: signin.url, DISPLAY: ':0' } };
}

describe('awsenv login for a console sign-in', () => {
  test('from nothing: the browser flow, the AWS CLI\'s cache file (0600), login_session and --region in the profile', async () => {
    const { home: dir, env } = home();
    const log = path.join(dir, 'visits');
    // --redirect-port: the browser flow even in a container, where awsenv would choose the pasted code.
    const result = await runCli(['login', 'console', '--region', 'eu-west-1', '--redirect-port', String(await freePort())], { env: { ...env, BROWSER: browserCommand('approve', log) }, timeoutMs: 30000 });
    expect(result.stdout).toBe('');
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining(`signed in to ${CONSOLE_SESSION}`)]);
    const [visit] = await visitsOf(log);
    expect(new URL(visit.url).searchParams.get('client_id')).toBe('arn:aws:signin:::devtools/same-device');
    expect(visit.redirectedTo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?/);
    const file = JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8'));
    expect(Object.keys(file).sort()).toEqual(['accessToken', 'clientId', 'dpopKey', 'idToken', 'refreshToken', 'signInRegion', 'tokenType']);
    expect(file.dpopKey).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
    expect(fs.statSync(cacheFile(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, '.aws', 'config'), 'utf8')).toBe(`[profile other]\nregion = us-east-1\n\n[profile console]\nlogin_session = ${CONSOLE_SESSION}\nregion = eu-west-1\n`);
    // The sign-in serves an export at once, and the JS SDK reads the same file.
    const calls = signin.calls.length;
    const exported = await runCli(['export', 'console'], { env });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(file.accessToken.accessKeyId);
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_CONFIG_FILE: path.join(dir, '.aws', 'config'), AWS_LOGIN_CACHE_DIRECTORY: path.dirname(cacheFile(dir)) });
    try {
      expect((await fromLoginCredentials({ profile: 'console' })()).accessKeyId).toBe(file.accessToken.accessKeyId);
    } finally {
      process.env = saved;
    }
    expect(signin.calls.length).toBe(calls);
    // And logout takes the file away.
    const out = await runCli(['logout', 'console'], { env });
    expect([out.code, out.stderr]).toEqual([0, expect.stringContaining(`signed out of ${CONSOLE_SESSION}`)]);
    expect(fs.existsSync(cacheFile(dir))).toBe(false);
    expectCleanFailure(await runCli(['export', 'console'], { env }), 4, 'profile "console"', 'awsenv login console');
  }, 60000);

  test('denied in the browser: exit 4, no file, the config untouched', async () => {
    const config = `[profile console]\nlogin_session = ${CONSOLE_SESSION}\n`;
    const { home: dir, env } = home(config);
    const result = await runCli(['login', 'console', '--redirect-port', String(await freePort())], { env: { ...env, BROWSER: browserCommand('deny', path.join(dir, 'visits')) }, timeoutMs: 30000 });
    expectCleanFailure(result, 4, 'profile "console": console sign-in failed: the sign-in was denied in the browser');
    expect(fs.existsSync(cacheFile(dir))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.aws', 'config'), 'utf8')).toBe(config);
  }, 60000);

  test('cross-device (--use-device-code): the code the page shows, pasted at the terminal', async () => {
    const { home: dir, env } = home(`[profile console]\nlogin_session = ${CONSOLE_SESSION}\nregion = eu-west-1\n`);
    const tty = startTtySession(`${process.execPath} ${path.resolve(__dirname, '..', '..', 'awsenv.js')} login console --use-device-code --no-browser`, { ...env, PATH: process.env.PATH });
    await tty.waitFor('Enter the authorization code displayed in your browser');
    const url = /open (\S+)/.exec(withoutControls(tty.screen()))![1];
    expect(new URL(url).searchParams.get('client_id')).toBe('arn:aws:signin:::devtools/cross-device');
    // Approved on another device: the page shows the code, and nothing comes back to this machine.
    expect((await answerInBrowser(url, 'approve')).redirectedTo).toBeUndefined();
    const shown = signin.pending[signin.pending.length - 1];
    tty.type(`${Buffer.from(`state=${shown.state}&code=${shown.code}`).toString('base64')}\r`);
    const { code, screen } = await tty.exit(20000);
    expect([code, screen]).toEqual([0, expect.stringContaining(`signed in to ${CONSOLE_SESSION}`)]);
    expect(JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8')).clientId).toBe('arn:aws:signin:::devtools/cross-device');
  }, 60000);

  test('a profile with keys is not made a console sign-in: IAM Identity Center\'s error, as before', async () => {
    const { env } = home('[profile keys]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n');
    expectCleanFailure(await runCli(['login', 'keys', '--no-browser'], { env }), 3, 'does not sign in with IAM Identity Center');
  });
});
