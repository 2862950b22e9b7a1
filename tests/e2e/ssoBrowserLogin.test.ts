import fs from 'node:fs';
import net from 'node:net';
import { runCli } from '../support/cli';
import { freePort } from '../support/peers';
import { answerInBrowser, browserCommand, browserLogIn, visitsOf } from '../support/ssoBrowser';
import { startCli, userCodeOf, type RunningCli } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import { BROWSER_CONFIG, LEGACY_CONFIG, SESSION_CONFIG, SESSION_FORM, START_URL, readTokenFile, registrationFiles, ssoActions, tokenFile } from '../support/ssoWorld';

const world = useSsoWorld();
const AUTHORIZE_URL = /open (http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/;
const authorizeUrlOf = async (cli: RunningCli) => new URL((await cli.waitForStderr(AUTHORIZE_URL))[1]);
const closed = (port: number) => new Promise((resolve) => net.connect(port, '127.0.0.1').on('connect', function (this: net.Socket) { this.destroy(); resolve(false); }).on('error', () => resolve(true)));

/** A signed-out home whose person approves (or denies) in the browser awsenv opens through $BROWSER. */
function withBrowser(decision: 'approve' | 'deny', config = BROWSER_CONFIG) {
  const { home, env } = world.signedOutHome(config);
  const log = browserLogIn(home);
  return { home, log, env: { ...env, BROWSER: browserCommand(decision, log) } };
}

describe('awsenv login through the browser (authorization code with PKCE)', () => {
  test('registers as the AWS CLI does, opens the authorize page, takes the code back, and files token and registration as the AWS CLI does', async () => {
    const { home, env, log } = withBrowser('approve');
    const result = await runCli(['login', 'dev'], { env, timeoutMs: 30000 });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('awsenv: signing in through a browser on this machine (authorization code with PKCE): sso-session "corp" sets awsenv_sign_in_flow = authorization-code\n');
    expect(result.stderr).toMatch(/awsenv: signed in to \S+ until /);

    expect(ssoActions(world.sso)).toEqual(['oidc RegisterClient', 'oidc Authorize', 'oidc AuthorizeDecision', 'oidc CreateToken']);
    const [register, authorize, , create] = world.sso.calls;
    expect(register.input).toEqual({
      clientName: 'awsenv-corp',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      issuerUrl: START_URL,
      scopes: ['sso:account:access'],
    });
    const redirectUri = String(authorize.input.redirect_uri);
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(create.input).toEqual(expect.objectContaining({ grantType: 'authorization_code', redirectUri, code: expect.any(String), codeVerifier: expect.any(String) }));
    expect(create.status).toBe(200);
    // Never on stderr: the code and the verifier (the challenge and state are in the URL, which is fine).
    expect(result.stderr).not.toContain(String(create.input.code));
    expect(result.stderr).not.toContain(String(create.input.codeVerifier));

    const [visit] = await visitsOf(log);
    expect(visit).toMatchObject({ status: 200, body: expect.stringContaining('You can close this tab') });
    const token = readTokenFile(home, SESSION_FORM.cacheKey);
    expect(Object.keys(token).sort()).toEqual([...SESSION_FORM.tokenFields].sort());
    expect(fs.statSync(tokenFile(home, SESSION_FORM.cacheKey)).mode & 0o777).toBe(0o600);
    expect(token.clientId).toBe(create.input.clientId);
    expect(world.sso.accessTokens()).toEqual([token.accessToken]);
    expect(registrationFiles(home, SESSION_FORM.cacheKey)).toEqual([
      { clientId: token.clientId, clientSecret: token.clientSecret, expiresAt: token.registrationExpiresAt, scopes: ['sso:account:access'], grantTypes: ['authorization_code', 'refresh_token'] },
    ]);
    // The listener is gone with the sign-in.
    expect(await closed(Number(new URL(redirectUri).port))).toBe(true);

    const before = world.sso.calls.length;
    const exported = await runCli(['dev'], { env });
    expect(exported.code).toBe(0);
    expect(ssoActions(world.sso, before)).toEqual(['portal GetRoleCredentials']);
  });

  test('a second login reuses the registration; a device code login after it registers its own, as botocore does', async () => {
    const { env } = withBrowser('approve');
    expect((await runCli(['login', 'dev'], { env, timeoutMs: 30000 })).code).toBe(0);
    const first = world.sso.calls.length;
    expect((await runCli(['login', 'dev'], { env, timeoutMs: 30000 })).code).toBe(0);
    expect(ssoActions(world.sso, first)).toEqual(['oidc Authorize', 'oidc AuthorizeDecision', 'oidc CreateToken']);
    const second = world.sso.calls.length;
    const device = startCli(['login', 'dev', '--use-device-code'], env);
    world.sso.approve(await userCodeOf(device));
    const result = await device.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('awsenv: signing in with a device code: --use-device-code\n');
    expect(ssoActions(world.sso, second).slice(0, 2)).toEqual(['oidc RegisterClient', 'oidc StartDeviceAuthorization']);
  });

  test('denied in the browser: exit 4 naming the profile, the page says so, no token', async () => {
    const { home, env, log } = withBrowser('deny');
    const result = await runCli(['login', 'dev'], { env, timeoutMs: 30000 });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^awsenv: profile "dev": IAM Identity Center sign-in failed: the sign-in was denied in the browser$/m);
    expect(result.stderr).toContain('awsenv login dev');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await visitsOf(log))[0]).toMatchObject({ status: 200, body: expect.stringContaining('denied') });
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(ssoActions(world.sso)).not.toContain('oidc CreateToken');
  });

  test('the browser never comes back: exit 4 once --sign-in-timeout has passed, and the listener is closed', async () => {
    const { home, env } = world.signedOutHome(BROWSER_CONFIG);
    const started = Date.now();
    const cli = startCli(['login', 'dev', '--no-browser', '--sign-in-timeout', '2s'], env);
    const url = await authorizeUrlOf(cli);
    const result = await cli.result;
    expect(Date.now() - started).toBeLessThan(15000);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('the browser did not come back to awsenv within 2 seconds');
    expect(result.stderr).toContain('--use-device-code');
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(await closed(Number(new URL(url.searchParams.get('redirect_uri')!).port))).toBe(true);
  });

  test('only the callback path is served; a redirect with another state ends the sign-in with exit 4, no token', async () => {
    const { home, env } = world.signedOutHome(BROWSER_CONFIG);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    const redirectUri = new URL((await authorizeUrlOf(cli)).searchParams.get('redirect_uri')!);
    expect((await fetch(new URL('/favicon.ico', redirectUri))).status).toBe(404);
    expect((await fetch(new URL('/', redirectUri))).status).toBe(404);
    const forged = await fetch(`${redirectUri.href}?code=stolen&state=not-this-one`);
    expect(forged.status).toBe(400);
    const result = await cli.result;
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('a state that is not this sign-in\'s');
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(ssoActions(world.sso)).not.toContain('oidc CreateToken');
  });

  test('--no-browser prints the URL; the person opens it on this machine and approves', async () => {
    const { home, env } = world.signedOutHome(BROWSER_CONFIG);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    const visit = await answerInBrowser((await authorizeUrlOf(cli)).href, 'approve');
    expect(visit.status).toBe(200);
    expect((await cli.result).code).toBe(0);
    expect(readTokenFile(home, SESSION_FORM.cacheKey).accessToken).toBe(world.sso.accessTokens()[0]);
  });
});

describe('which flow awsenv login chooses, and says', () => {
  test('over SSH: a device code, the reason, the ssh -L line; the code is printed', async () => {
    const { env } = world.signedOutHome(SESSION_CONFIG);
    const cli = startCli(['login', 'dev', '--no-browser'], { ...env, DISPLAY: ':0', SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 2222', USER: 'carol' });
    world.sso.approve(await userCodeOf(cli));
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('awsenv: signing in with a device code: this is an SSH session, so a browser may not reach awsenv on 127.0.0.1\n');
    expect(result.stderr).toContain('awsenv: for the browser sign-in, connect with "ssh -L 8400:127.0.0.1:8400 -p 2222 carol@10.0.0.2" and run "awsenv login dev --redirect-port 8400"\n');
  });

  test('over SSH with --redirect-port: the browser flow on that port, as through a tunnel', async () => {
    const { env } = world.signedOutHome(SESSION_CONFIG);
    const port = await freePort();
    const cli = startCli(['login', 'dev', '--no-browser', '--redirect-port', String(port), '--debug'], { ...env, SSH_TTY: '/dev/pts/3' });
    const url = await authorizeUrlOf(cli);
    expect(url.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/oauth/callback`);
    await answerInBrowser(url.href, 'approve');
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`awsenv: signing in through a browser on this machine (authorization code with PKCE): --redirect-port ${port}\n`);
    expect(result.stderr).toContain(`sign-in flow: authCode, because --redirect-port ${port}`);
    // Not even under --debug: the code and the verifier.
    const create = world.sso.calls.find((call) => call.action === 'CreateToken')!;
    expect(result.stderr).not.toContain(String(create.input.code));
    expect(result.stderr).not.toContain(String(create.input.codeVerifier));
  });

  test('a --redirect-port in use: exit 2 naming the port, before any call', async () => {
    const { env } = world.signedOutHome(BROWSER_CONFIG);
    const busy = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const result = await runCli(['login', 'dev', '--no-browser', '--redirect-port', String(port)], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port}`);
      expect(world.sso.calls).toEqual([]);
    } finally {
      busy.close();
    }
  });

  test.each([
    ['no display, no SSH', SESSION_CONFIG, {}, /signing in with a device code: (there is no display|this is a container)/],
    ['a legacy profile, even with a display', LEGACY_CONFIG, { DISPLAY: ':0' }, /signing in with a device code: a legacy profile/],
    ['awsenv_sign_in_flow = device-code', SESSION_CONFIG.replace('sso_registration_scopes = sso:account:access\n', '$&awsenv_sign_in_flow = device-code\n'), { DISPLAY: ':0' }, /signing in with a device code: sso-session "corp" sets awsenv_sign_in_flow = device-code/],
  ])('%s: a device code', async (_name, config, extra, line) => {
    const { env } = world.signedOutHome(config);
    const cli = startCli(['login', 'dev', '--no-browser'], { ...env, ...extra });
    world.sso.approve(await userCodeOf(cli));
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(line);
  });

  test.each([
    [['--use-device-code', '--redirect-port', '8400'], /--redirect-port is for the browser sign-in/],
    [['--redirect-port', '0'], /--redirect-port "0" is not a port number/],
    [['--sign-in-timeout', '11m'], /--sign-in-timeout "11m" is not a duration up to 10m/],
  ])('%j: exit 2, no call', async (flags, message) => {
    const { env } = world.signedOutHome(BROWSER_CONFIG);
    const result = await runCli(['login', 'dev', ...flags], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(world.sso.calls).toEqual([]);
  });

  test('an unknown awsenv_sign_in_flow: exit 3 naming the profile and the values', async () => {
    const { env } = world.signedOutHome(SESSION_CONFIG.replace('sso_registration_scopes = sso:account:access\n', '$&awsenv_sign_in_flow = magic\n'));
    const result = await runCli(['login', 'dev'], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('profile "dev": its sso-session "corp" has awsenv_sign_in_flow = magic');
    expect(result.stderr).toContain('auto, device-code, authorization-code');
  });
});
