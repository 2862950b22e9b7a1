import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fromLoginCredentials } from '@aws-sdk/credential-provider-login';
import { expectCleanFailure, makeHome, runCli } from '../support/cli';
import { startFakeSignin, type FakeSignin } from '../fakes/signin';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { CONSOLE_SESSION, DEPLOY_ROLE, LOGIN_CONFIG } from '../support/loginWorld';

const SESSION = CONSOLE_SESSION;
const DEPLOY = DEPLOY_ROLE;
const CONFIG = LOGIN_CONFIG;

let signin: FakeSignin;
let sts: FakeSts;
beforeAll(async () => {
  sts = await startFakeSts({ users: [], roles: [{ arn: DEPLOY, trustedPrincipals: [SESSION, DEPLOY] }] });
  signin = await startFakeSignin('eu-west-1', { sts });
});
afterAll(() => Promise.all([signin.close(), sts.close()]));

const cacheFile = (dir: string) => path.join(dir, `${createHash('sha256').update(SESSION).digest('hex')}.json`);

/** A home where `aws login` has been, its cache file in the AWS CLI's default place. */
function signedInHome(expiresInSeconds: number, options: Parameters<FakeSignin['seedSignIn']>[1] = {}) {
  const home = makeHome({ config: CONFIG });
  const dir = path.join(home.home, '.aws', 'login', 'cache');
  fs.mkdirSync(dir, { recursive: true });
  const token = signin.seedSignIn(SESSION, { expiresAt: new Date(Date.now() + expiresInSeconds * 1000), ...options });
  fs.writeFileSync(cacheFile(dir), JSON.stringify(token), { mode: 0o600 });
  const env = { ...home.env, AWS_ENDPOINT_URL_SIGNIN: signin.url, AWS_ENDPOINT_URL_STS: sts.url };
  const read = () => JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8'));
  return { ...home, dir, token, env, read };
}

const exported = (stdout: string) => /AWS_ACCESS_KEY_ID='([^']+)'/.exec(stdout)?.[1];

describe('a login_session profile', () => {
  test('exports the cached sign-in without calling AWS Sign-In', async () => {
    const { env, token } = signedInHome(800);
    const calls = signin.calls.length;
    const result = await runCli(['export', 'console'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(exported(result.stdout)).toBe(token.accessToken.accessKeyId);
    expect(signin.calls.length).toBe(calls);
  });

  test.each(['sec1', 'pkcs8'] as const)('refreshes credentials near their end (%s key), keeps the file as the AWS CLI reads it, 0600', async (keyForm) => {
    const { env, token, read, dir, home } = signedInHome(30, { keyForm });
    const result = await runCli(['export', 'console'], { env });
    expect(result.code).toBe(0);
    const file = read();
    expect(exported(result.stdout)).toBe(file.accessToken.accessKeyId);
    expect(signin.issued(file.accessToken.accessKeyId)).toBe(SESSION);
    expect(file.refreshToken).not.toBe(token.refreshToken);
    expect(file).toMatchObject({ clientId: token.clientId, dpopKey: token.dpopKey, idToken: token.idToken, accessToken: { accountId: '111111111111' } });
    expect(fs.statSync(cacheFile(dir)).mode & 0o777).toBe(0o600);
    // Straight from the sign-in: nothing of it in awsenv's own cache.
    const own = path.join(home, '.aws', 'awsenv');
    expect(fs.existsSync(own) ? fs.readdirSync(own).filter((f) => f.endsWith('.json')) : []).toEqual([]);
  });

  test('a sign-in made in another region than the one the refresh reaches fails with the way to sign in again', async () => {
    const { env } = signedInHome(30, { region: 'us-west-2' });
    expectCleanFailure(await runCli(['export', 'console'], { env }), 4, 'profile "console"', 'awsenv login console');
  });

  test.each([
    ['TOKEN_EXPIRED', 400, 4, /console sign-in has expired.*\n.*awsenv login console/],
    ['USER_CREDENTIALS_CHANGED', 400, 4, /password changed/],
    ['INSUFFICIENT_PERMISSIONS', 403, 5, /SignInLocalDevelopmentAccess/],
    ['server_error', 500, 6, /Try again/],
  ])('%s: a clear error, no secret on stderr', async (code, status, exit, message) => {
    const session = 'arn:aws:iam::111111111111:user/alice';
    const { env, token } = signedInHome(-10);
    signin.refuse(session, code, status);
    try {
      const result = await runCli(['export', 'console'], { env });
      expectCleanFailure(result, exit, 'profile "console"', message);
      for (const secret of [token.refreshToken, token.accessToken.secretAccessKey, 'PRIVATE KEY']) expect(result.stderr).not.toContain(secret);
    } finally {
      signin.allow(session);
    }
  });

  test.each(['deploy', 'deeper'])('a role sourced from the sign-in (%s) is assumed with its credentials and cached; the sign-in is not', async (profile) => {
    const { env, home } = signedInHome(-10);
    const first = await runCli([profile], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const assumed = sts.callCount('AssumeRole');
    const calls = signin.calls.length;
    const again = await runCli([profile], { env });
    expect(exported(again.stdout)).toBe(exported(first.stdout));
    expect([sts.callCount('AssumeRole'), signin.calls.length]).toEqual([assumed, calls]);
    const entries = fs.readdirSync(path.join(home, '.aws', 'awsenv')).filter((f) => f.endsWith('.json'));
    const kinds = entries.map((f) => JSON.parse(fs.readFileSync(path.join(home, '.aws', 'awsenv', f), 'utf8')).kind);
    expect(kinds).not.toContain('login');
    expect(kinds).toContain('assumeRole');
  });

  test('six awsenv at once make one token call', async () => {
    const { env, read } = signedInHome(-10);
    const before = signin.calls.length;
    const results = await Promise.all(Array.from({ length: 6 }, () => runCli(['export', 'console'], { env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(signin.calls.length - before).toBe(1);
    expect(new Set(results.map((r) => exported(r.stdout)))).toEqual(new Set([read().accessToken.accessKeyId]));
  });
});

describe('the JS SDK\'s fromLoginCredentials on the same file', () => {
  const withSdkEnv = async <T>(home: string, dir: string, run: () => Promise<T>): Promise<T> => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_CONFIG_FILE: path.join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_LOGIN_CACHE_DIRECTORY: dir, AWS_ENDPOINT_URL_SIGNIN: signin.url });
    try {
      return await run();
    } finally {
      process.env = saved;
    }
  };

  test('awsenv refreshes, then the SDK uses that refresh without a call of its own', async () => {
    const { env, home, dir, read } = signedInHome(30);
    expect((await runCli(['export', 'console'], { env })).code).toBe(0);
    const calls = signin.calls.length;
    const sdk = await withSdkEnv(home, dir, () => fromLoginCredentials({ profile: 'console' })());
    expect(sdk.accessKeyId).toBe(read().accessToken.accessKeyId);
    expect(signin.calls.length).toBe(calls);
  });

  test('the SDK refreshes, then awsenv exports that refresh without a call of its own', async () => {
    const { env, home, dir, read } = signedInHome(-10);
    const sdk = await withSdkEnv(home, dir, () => fromLoginCredentials({ profile: 'console' })());
    expect(sdk.accessKeyId).toBe(read().accessToken.accessKeyId);
    const calls = signin.calls.length;
    const result = await runCli(['export', 'console'], { env });
    expect(result.code).toBe(0);
    expect(exported(result.stdout)).toBe(sdk.accessKeyId);
    expect(signin.calls.length).toBe(calls);
  });
});
