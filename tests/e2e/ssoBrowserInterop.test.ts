import fs from 'node:fs';
import { runCli, runProcess } from '../support/cli';
import { botocorePeer } from '../support/botocore';
import { botocoreSsoToken } from '../support/botocoreSsoToken';
import { awsCliPeer, freePort, testWith } from '../support/peers';
import { browserCommand, browserLogIn, visitsOf } from '../support/ssoBrowser';
import { useSsoWorld } from '../support/ssoHooks';
import { BROWSER_CONFIG, SESSION_CONFIG, SESSION_FORM, readTokenFile, registrationFiles, ssoActions, tokenFile } from '../support/ssoWorld';

// Independent peers: botocore's own token loading must use (and refresh) the token awsenv's browser sign-in files,
// and awsenv the sign-in the AWS CLI makes in the browser.
const botocore = botocorePeer();
const awsCliWithPkce = awsCliPeer('the AWS CLI v2.22 or later (its sign-in uses PKCE)', ([major, minor]) => major > 2 || (major === 2 && minor >= 22));
const world = useSsoWorld();

function signedOut(config: string) {
  const { home, env } = world.signedOutHome(config);
  return { home, env: { ...env, BROWSER: browserCommand('approve', browserLogIn(home)) } };
}

describe('botocore and awsenv share a sign-in made through the browser', () => {
  const peerTest = testWith(botocore);

  peerTest('botocore signs with the token awsenv filed, without a call', async () => {
    const { home, env } = signedOut(BROWSER_CONFIG);
    expect((await runCli(['login', 'dev'], { env, timeoutMs: 30000 })).code).toBe(0);
    const calls = world.sso.calls.length;
    expect(await botocoreSsoToken(botocore.path!, 'dev', env)).toBe(readTokenFile(home, SESSION_FORM.cacheKey).accessToken);
    expect(world.sso.calls.length).toBe(calls);
  });

  peerTest('botocore refreshes it with the registration awsenv made for the browser flow, and awsenv uses what botocore wrote', async () => {
    const { home, env } = signedOut(BROWSER_CONFIG);
    expect((await runCli(['login', 'dev'], { env, timeoutMs: 30000 })).code).toBe(0);
    const written = readTokenFile(home, SESSION_FORM.cacheKey);
    // Ten minutes left: inside botocore's 15-minute refresh window, outside awsenv's 5-minute one.
    const soon = new Date(Date.now() + 10 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    fs.writeFileSync(tokenFile(home, SESSION_FORM.cacheKey), JSON.stringify({ ...written, expiresAt: soon }));
    const before = world.sso.calls.length;
    const refreshed = await botocoreSsoToken(botocore.path!, 'dev', env);
    expect(ssoActions(world.sso, before)).toEqual(['oidc CreateToken']);
    expect(world.sso.calls[before].input).toEqual(expect.objectContaining({ grantType: 'refresh_token', clientId: written.clientId, refreshToken: written.refreshToken }));
    expect(refreshed).not.toBe(written.accessToken);

    const afterBotocore = world.sso.calls.length;
    const exported = await runCli(['dev'], { env });
    expect(exported.code).toBe(0);
    expect(ssoActions(world.sso, afterBotocore)).toEqual(['portal GetRoleCredentials']);
    expect(world.sso.calls[afterBotocore].input.accessToken).toBe(refreshed);
  });
});

describe('the AWS CLI signs in through the browser, and awsenv uses its sign-in and its registration', () => {
  const peerTest = testWith(awsCliWithPkce);

  peerTest('aws sso login, then awsenv dev makes no sign-in, and awsenv login reuses the CLI\'s registration', async () => {
    const { home, env } = signedOut(SESSION_CONFIG);
    const login = await runProcess(awsCliWithPkce.path!, ['sso', 'login', '--profile', 'dev'], { env, timeoutMs: 60000 });
    expect(login.code).toBe(0);
    expect((await visitsOf(browserLogIn(home)))[0]).toMatchObject({ status: 200 });
    const [registration] = registrationFiles(home, SESSION_FORM.cacheKey);
    expect(registration.grantTypes).toEqual(['authorization_code', 'refresh_token']);

    const before = world.sso.calls.length;
    const exported = await runCli(['dev'], { env });
    expect(exported.code).toBe(0);
    expect(ssoActions(world.sso, before)).toEqual(['portal GetRoleCredentials']);

    // --redirect-port: the browser flow whatever the machine looks like, as the CLI's own sign-in was.
    const relogin = await runCli(['login', 'dev', '--redirect-port', String(await freePort())], { env, timeoutMs: 30000 });
    expect(relogin.code).toBe(0);
    expect(ssoActions(world.sso, before + 1)).not.toContain('oidc RegisterClient');
    expect(readTokenFile(home, SESSION_FORM.cacheKey).clientId).toBe(registration.clientId);
  }, 90000);
});
