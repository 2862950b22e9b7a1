import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDirOf, cacheFiles, evalInBash, runCli } from '../support/cli';
import { freePort } from '../support/peers';
import { awsCliSignIn, writeAwsCliToken } from '../support/ssoAwsCliToken';
import { loginApproved } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import {
  LEGACY_FORM,
  SIGN_IN_FORMS,
  SESSION_CONFIG,
  SESSION_FORM,
  SSO_ACCOUNT,
  SSO_ROLE,
  START_URL,
  readTokenFile,
  ssoActions,
  tokenFile,
  type SignInForm,
} from '../support/ssoWorld';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const world = useSsoWorld();
const homeFor = (config: string) => world.signedOutHome(config);

/** A home where `aws sso login` has been: the token file as the AWS CLI writes it, and no awsenv cache at all. */
async function homeSignedInByAwsCli(form: SignInForm, expiresAt: string) {
  const signedOut = homeFor(form.config);
  const token: Record<string, string> = { ...(await awsCliSignIn(world.sso, form)), expiresAt };
  writeAwsCliToken(signedOut.home, form, token);
  return { ...signedOut, token, signInCalls: world.sso.calls.length };
}

const oidcCalls = (since: number) => ssoActions(world.sso, since).filter((action) => action.startsWith('oidc '));

describe('a token the AWS CLI wrote', () => {
  test.each(
    SIGN_IN_FORMS.flatMap((form) => [
      [form.kind, '2030-01-01T00:00:00Z', form],
      // botocore's JSONFileCache, by default, writes datetimes with strftime('%Y-%m-%dT%H:%M:%S%Z'): "UTC", not "Z".
      [form.kind, '2030-01-01T00:00:00UTC', form],
    ] as const),
  )('%s, expiresAt %s: awsenv dev uses it without any OIDC call', async (_kind, expiresAt, form) => {
    const { home, env, token, signInCalls } = await homeSignedInByAwsCli(form, expiresAt);
    const before = fs.readFileSync(tokenFile(home, form.cacheKey), 'utf8');
    const result = await runCli(['dev'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['portal GetRoleCredentials']);
    expect(world.sso.calls[signInCalls].input).toEqual({ accessToken: token.accessToken, accountId: SSO_ACCOUNT, roleName: SSO_ROLE });
    expect((await evalInBash(result.stdout)).AWS_ACCESS_KEY_ID).toBe(world.sts.issued[0].accessKeyId);
    // Read, not rewritten: the AWS CLI's file is left exactly as it was.
    expect(fs.readFileSync(tokenFile(home, form.cacheKey), 'utf8')).toBe(before);
  });
});

// Regression (issue 13): a FIFO where the token file belongs hung every run; a run left the directory as open as it was.
describe('the SSO cache as a run finds it', () => {
  test('a world-writable SSO cache directory is made private by a run that only reads the token', async () => {
    const { home, env } = await homeSignedInByAwsCli(SESSION_FORM, '2030-01-01T00:00:00Z');
    const dir = path.dirname(tokenFile(home, SESSION_FORM.cacheKey));
    fs.chmodSync(dir, 0o777);
    const result = await runCli(['dev', '--debug'], { env });
    expect(result.code).toBe(0);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(result.stderr).toContain(`awsenv: made ${dir} private (0700): its mode was 777`);
  });

  test('a FIFO where the token file belongs: no hang, a --debug line, and the no-sign-in answer, exit 4', async () => {
    const { home, env } = homeFor(SESSION_CONFIG);
    const file = tokenFile(home, SESSION_FORM.cacheKey);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    execFileSync('mkfifo', ['-m', '600', file]);
    const result = await runCli(['dev', '--debug'], { env, timeoutMs: 10000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`awsenv: not using SSO cache file ${file}: it is a FIFO, not a regular file`);
    expect(result.stderr).toContain('awsenv login dev');
    expect(world.sso.calls).toEqual([]);
  });
});

describe('an access token that has expired', () => {
  test('with a refresh token: refreshed silently, once, and the file updated in place', async () => {
    const { home, env, token, signInCalls } = await homeSignedInByAwsCli(SESSION_FORM, '2020-01-01T00:00:00Z');
    // A field another tool added must survive the rewrite.
    const file = writeAwsCliToken(home, SESSION_FORM, { ...token, futureField: 'kept' });
    world.sso.expireAccessTokens();

    const started = Date.now();
    const result = await runCli(['dev'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['oidc CreateToken', 'portal GetRoleCredentials']);
    const refresh = world.sso.calls[signInCalls];
    expect(refresh.status).toBe(200);
    expect(refresh.input).toEqual(expect.objectContaining({ grantType: 'refresh_token', refreshToken: token.refreshToken, clientId: token.clientId }));

    const renewed = readTokenFile(home, SESSION_FORM.cacheKey);
    const [newAccessToken] = world.sso.accessTokens();
    expect(renewed.accessToken).toBe(newAccessToken);
    expect(renewed.accessToken).not.toBe(token.accessToken);
    expect(world.sso.calls[signInCalls + 1].input.accessToken).toBe(newAccessToken);
    expect(renewed.refreshToken).toMatch(/^aor/);
    expect(renewed.refreshToken).not.toBe(token.refreshToken);
    expect(renewed.expiresAt).toMatch(ISO_UTC);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(started + 7 * 3600 * 1000);
    expect(renewed).toEqual({
      ...token,
      futureField: 'kept',
      accessToken: renewed.accessToken,
      expiresAt: renewed.expiresAt,
      refreshToken: renewed.refreshToken,
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await evalInBash(result.stdout)).AWS_ACCESS_KEY_ID).toBe(world.sts.issued[0].accessKeyId);
  });

  test('the file still says valid but the portal refuses the token: refreshed, and the export succeeds', async () => {
    const { home, env, token, signInCalls } = await homeSignedInByAwsCli(SESSION_FORM, '2030-01-01T00:00:00Z');
    world.sso.expireAccessTokens();
    const result = await runCli(['dev'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['portal GetRoleCredentials', 'oidc CreateToken', 'portal GetRoleCredentials']);
    expect(readTokenFile(home, SESSION_FORM.cacheKey).accessToken).not.toBe(token.accessToken);
  });

  // Bug: src/providers/ssoToken.ts refresh() does not look at the token file again when its refresh is refused, so
  // of two shells refreshing at once (tmux restoring panes, `parallel awsenv exec`) the one whose rotated-away
  // refresh token arrives second fails with exit 4, although the file already holds the token the other one got.
  test('two exports refreshing the same sign-in at once both succeed', async () => {
    const { home, env, signInCalls } = await homeSignedInByAwsCli(SESSION_FORM, '2020-01-01T00:00:00Z');
    world.sso.expireAccessTokens();
    const results = await Promise.all([runCli(['dev'], { env }), runCli(['deploy'], { env })]);
    expect(results.map((result) => [result.code, result.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(world.sso.accessTokens()).toContain(readTokenFile(home, SESSION_FORM.cacheKey).accessToken);
    expect(oidcCalls(signInCalls).every((action) => action === 'oidc CreateToken')).toBe(true);
  });

  test('refresh token revoked, no terminal: exit 4 at once, nothing on stdout, told to run awsenv login', async () => {
    const { env, signInCalls } = await homeSignedInByAwsCli(SESSION_FORM, '2020-01-01T00:00:00Z');
    world.sso.expireAccessTokens();
    world.sso.revokeRefreshTokens();
    const result = await runCli(['dev'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('awsenv login dev');
    // One refresh attempt, and no sign-in that nobody could approve.
    expect(oidcCalls(signInCalls)).toEqual(['oidc CreateToken']);
    expect(world.sso.calls[signInCalls].errorCode).toBe('InvalidGrantException');
  });

  test('legacy profile (no refresh token): exit 4 without any OIDC call', async () => {
    const { env, signInCalls } = await homeSignedInByAwsCli(LEGACY_FORM, '2020-01-01T00:00:00Z');
    const result = await runCli(['deploy'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('awsenv login deploy');
    expect(ssoActions(world.sso, signInCalls)).toEqual([]);
  });
});

describe('no sign-in at all', () => {
  test.each(SIGN_IN_FORMS.flatMap((form) => [[form.kind, 'dev'], [form.kind, 'deploy']] as const))(
    '%s, awsenv %s without a terminal: exit 4 well under 5 s, no call, told to run awsenv login',
    async (kind, profile) => {
      const { env } = homeFor(SIGN_IN_FORMS.find((form) => form.kind === kind)!.config);
      const started = Date.now();
      const result = await runCli([profile], { env, timeoutMs: 10000 });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`awsenv login ${profile}`);
      expect(world.sso.calls).toEqual([]);
      expect(world.sts.calls).toEqual([]);
    },
  );
  // On a terminal it signs in right there instead: tests/e2e/ssoTerminal.test.ts.
});

describe('awsenv logout', () => {
  test.each(SIGN_IN_FORMS)('$kind: signs out at the portal, removes the token and the credentials made from it', async (form) => {
    const { home, env } = homeFor(form.config);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    const { accessToken } = readTokenFile(home, form.cacheKey);
    expect((await runCli(['deploy'], { env })).code).toBe(0);
    expect(cacheFiles(home)).toHaveLength(2);
    const before = world.sso.calls.length;

    const result = await runCli(['logout', 'dev'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso, before)).toEqual(['portal Logout']);
    expect(world.sso.calls[before].input.accessToken).toBe(accessToken);
    expect(world.sso.calls[before].status).toBe(200);
    expect(world.sso.accessTokens()).toEqual([]);
    expect(fs.existsSync(tokenFile(home, form.cacheKey))).toBe(false);
    expect(cacheFiles(home)).toEqual([]);

    for (const profile of ['dev', 'deploy']) {
      const after = await runCli([profile], { env });
      expect(after.stdout).toBe('');
      expect(after.code).toBe(4);
      expect(after.stderr).toContain(`awsenv login ${profile}`);
    }
    expect(world.sso.calls.length).toBe(before + 1);
  });

  test('logout of the role profile signs out of its source\'s session', async () => {
    const { home, env } = homeFor(SESSION_CONFIG);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    expect((await runCli(['dev'], { env })).code).toBe(0);
    const result = await runCli(['logout', 'deploy'], { env });
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso).filter((action) => action === 'portal Logout')).toHaveLength(1);
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(cacheFiles(home)).toEqual([]);
  });

  test('the portal cannot be reached: the local sign-out still happens, with a word about it', async () => {
    const { home, env } = homeFor(SESSION_CONFIG);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    expect((await runCli(['dev'], { env })).code).toBe(0);
    const unreachable = { ...env, AWS_ENDPOINT_URL_SSO: `http://127.0.0.1:${await freePort()}` };
    const result = await runCli(['logout', 'dev'], { env: unreachable });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/could not sign out/);
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(cacheFiles(home)).toEqual([]);
  });

  test('a sign-in the portal has already ended: signed out quietly', async () => {
    const { home, env } = homeFor(SESSION_CONFIG);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    world.sso.expireAccessTokens();
    const result = await runCli(['logout', 'dev'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/could not sign out/);
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
  });

  test('--all: every sign-in, whichever tool made it, and every credential set made from one', async () => {
    // Both ways of signing in, side by side: the sso-session "corp" and a legacy profile of the same portal.
    const config = `${SESSION_CONFIG}\n[profile old]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\nsso_account_id = ${SSO_ACCOUNT}\nsso_role_name = ReadOnly\n`;
    const { home, env } = homeFor(config);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    writeAwsCliToken(home, LEGACY_FORM, { ...(await awsCliSignIn(world.sso, LEGACY_FORM)), expiresAt: '2030-01-01T00:00:00UTC' });
    const tokens = [readTokenFile(home, SESSION_FORM.cacheKey).accessToken, readTokenFile(home, LEGACY_FORM.cacheKey).accessToken];
    expect((await runCli(['deploy'], { env })).code).toBe(0);
    expect((await runCli(['old'], { env })).code).toBe(0);
    expect(cacheFiles(home)).toHaveLength(3);
    const before = world.sso.calls.length;

    const result = await runCli(['logout', '--all'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    const logouts = world.sso.calls.slice(before);
    expect(logouts.map((call) => `${call.action} ${call.status}`)).toEqual(['Logout 200', 'Logout 200']);
    expect(logouts.map((call) => call.input.accessToken).sort()).toEqual([...tokens].sort());
    expect(world.sso.accessTokens()).toEqual([]);
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(fs.existsSync(tokenFile(home, LEGACY_FORM.cacheKey))).toBe(false);
    expect(cacheFiles(home)).toEqual([]);
    for (const profile of ['dev', 'old']) expect((await runCli([profile], { env })).code).toBe(4);
  });

  test('--all also removes what killed writes left: temporary files in the SSO cache and in the credential cache', async () => {
    const { home, env } = await homeSignedInByAwsCli(SESSION_FORM, '2030-01-01T00:00:00Z');
    expect((await runCli(['dev'], { env })).code).toBe(0);
    const ssoDir = path.dirname(tokenFile(home, SESSION_FORM.cacheKey));
    // Named as writeFileAtomic names them, for a pid no process has.
    const leftovers = [path.join(ssoDir, `.${path.basename(tokenFile(home, SESSION_FORM.cacheKey))}.${2 ** 30}.0123abcd.tmp`), path.join(cacheDirOf(home), `.${'a'.repeat(64)}.json.${2 ** 30}.89abcdef.tmp`)];
    for (const file of leftovers) fs.writeFileSync(file, '{"accessToken":"live"}', { mode: 0o600 });
    const result = await runCli(['logout', '--all'], { env });
    expect(result.code).toBe(0);
    expect(leftovers.filter((file) => fs.existsSync(file))).toEqual([]);
    expect(fs.readdirSync(ssoDir)).toEqual([]);
    expect(fs.readdirSync(cacheDirOf(home))).toEqual([]);
  });
});
