import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { evalInBash, expectCleanFailure, makeHome, runCli } from '../support/cli';
import { runInShell, shellEnv } from '../support/shellRun';
import { INTEGRATION_SHELLS, loadIntegration } from '../support/shellIntegration';
import { ALICE, CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

/**
 * `awsenv status` and `awsenv prompt` against what an export really leaves in a shell, and status's GetCallerIdentity
 * against the fake STS, which checks the signature with the keys it issued.
 */
let sts: FakeSts;
const homes: string[] = [];
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());
afterAll(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function home() {
  const made = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  homes.push(made.home);
  return made;
}

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWSENV_PROFILE'];

/** The variables `eval "$(awsenv PROFILE ...)"` leaves in a bash. */
async function exportOf(env: NodeJS.ProcessEnv, args: string[]): Promise<Record<string, string>> {
  const result = await runCli(args, { env });
  expect([result.code, result.stderr]).toEqual([0, '']);
  const vars = await evalInBash(result.stdout);
  return Object.fromEntries(NAMES.filter((name) => name in vars).map((name) => [name, vars[name]]));
}

const ASSUMED_ADMIN = /^arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/;

test('status: the profile, the account and identity STS reports for the exported keys, the time left and the region', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['admin', '--mfa-code', '123456']);
  const result = await runCli(['status'], { env: { ...world, ...exported } });
  expect([result.code, result.stderr]).toEqual([0, '']);
  const lines = result.stdout.split('\n');
  expect(lines).toEqual([
    'profile:  admin',
    'account:  222222222222',
    expect.stringMatching(/^identity: arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/),
    expect.stringMatching(new RegExp(`^expires:  \\d\\d:\\d\\d \\(${exported.AWS_CREDENTIAL_EXPIRATION}\\), (59m|1h00m) left$`)),
    'region:   eu-central-1',
    '',
  ]);
  // Signed with the exported role credentials, sent to the exported region's endpoint setting.
  const call = sts.calls[sts.calls.length - 1];
  expect([call.action, call.status, call.accessKeyId, call.sessionToken]).toEqual(['GetCallerIdentity', 200, exported.AWS_ACCESS_KEY_ID, exported.AWS_SESSION_TOKEN]);
});

test('whoami --json: one object, the same facts', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['alice', '--mfa-code', '123456']);
  const result = await runCli(['whoami', '--json'], { env: { ...world, ...exported } });
  expect([result.code, result.stderr]).toEqual([0, '']);
  expect(JSON.parse(result.stdout)).toEqual({
    profile: 'alice',
    account: '111111111111',
    arn: ALICE.arn,
    userId: expect.any(String),
    region: 'eu-west-1',
    expiration: exported.AWS_CREDENTIAL_EXPIRATION,
    secondsLeft: expect.any(Number),
  });
  expect(JSON.parse(result.stdout).secondsLeft).toBeGreaterThan(12 * 3600 - 60);
});

test('status of keys awsenv did not export: no profile, no expiry, the user', async () => {
  const { env } = home();
  const result = await runCli(['status', '--json'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, AWS_ACCESS_KEY_ID: ALICE.accessKeyId, AWS_SECRET_ACCESS_KEY: ALICE.secretAccessKey } });
  expect([result.code, result.stderr]).toEqual([0, '']);
  expect(JSON.parse(result.stdout)).toEqual({ profile: null, account: '111111111111', arn: ALICE.arn, userId: expect.any(String), region: null, expiration: null, secondsLeft: null });
});

test('status with nothing exported: exit 3, nothing on stdout, no call', async () => {
  const { env } = home();
  const result = await runCli(['status'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } });
  expectCleanFailure(result, 3, /^awsenv: no credentials are exported in this shell/, /awsuse PROFILE/);
  expect(sts.calls).toEqual([]);
});

test('status past the exported expiry: exit 5 without calling AWS', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['admin', '--mfa-code', '123456']);
  const calls = sts.calls.length;
  const result = await runCli(['status'], { env: { ...world, ...exported, AWS_CREDENTIAL_EXPIRATION: '2020-01-01T00:00:00Z' } });
  expectCleanFailure(result, 5, /^awsenv: profile "admin": the exported credentials expired at \d\d:\d\d \(2020-01-01T00:00:00Z\), \d+h\d\dm ago\n  awsuse admin gets new ones\.\n$/);
  expect(sts.calls).toHaveLength(calls);
});

test('status of credentials STS no longer accepts: exit 5, and how to get new ones', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['admin', '--mfa-code', '123456']);
  sts.expireIssued();
  const result = await runCli(['status'], { env: { ...world, ...exported } });
  expectCleanFailure(result, 5, /^awsenv: profile "admin": STS says the exported credentials have expired \(ExpiredToken\)/, /awsuse admin --refresh/);
});

test('status when something else answers in STS\'s place: exit 6, naming the endpoint', async () => {
  const { env } = home();
  const result = await runCli(['status'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, AWS_ACCESS_KEY_ID: ALICE.accessKeyId, AWS_SECRET_ACCESS_KEY: ALICE.secretAccessKey } });
  expect(result.code).toBe(0);
  sts.injectFaults('loginRedirect');
  const redirected = await runCli(['status'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, AWS_ACCESS_KEY_ID: ALICE.accessKeyId, AWS_SECRET_ACCESS_KEY: ALICE.secretAccessKey } });
  expectCleanFailure(redirected, 6, sts.url);
});

test('status --debug shows the call and no secret', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['admin', '--mfa-code', '123456']);
  const result = await runCli(['status', '--debug'], { env: { ...world, ...exported } });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/AWS call: STS GetCallerIdentity at http:\/\/127\.0\.0\.1:\d+, signed by ASIA/);
  for (const secret of [exported.AWS_SECRET_ACCESS_KEY, exported.AWS_SESSION_TOKEN]) expect(result.stderr).not.toContain(secret);
});

test('prompt: from the exported variables alone, the config unread and AWS not called', async () => {
  const { env } = home();
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const exported = await exportOf(world, ['admin', '--mfa-code', '123456']);
  const calls = sts.calls.length;
  // A config the prompt would refuse if it read it.
  fs.writeFileSync(`${env.HOME}/.aws/config`, '[profile broken\n');
  const result = await runCli(['prompt'], { env: { ...world, ...exported } });
  expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^admin \((59m|1h00m)\)$/) });
  expect(await runCli(['prompt', '-f', '{profile}|{left}'], { env: { ...world, ...exported, AWS_CREDENTIAL_EXPIRATION: '2020-01-01T00:00:00Z' } })).toMatchObject({ code: 0, stderr: '', stdout: 'admin|expired' });
  expect(await runCli(['prompt'], { env: world })).toMatchObject({ code: 0, stderr: '', stdout: '' });
  expect(sts.calls).toHaveLength(calls);
});

describe.each(INTEGRATION_SHELLS.map((integration) => [integration.shell.name, integration] as const))('in %s', (_name, integration) => {
  test('awsuse says what it exported; status and prompt then see it; awsuse -q says nothing', async () => {
    const { home: dir, binDir } = home();
    const { shell } = integration;
    const result = await runInShell(shell, {
      setup: loadIntegration(integration, 'awsenv init'),
      body: ['awsuse admin --mfa-code 123456', 'awsenv prompt', 'echo', 'awsenv status', 'awsuse -q readonly', 'awsenv prompt'].join('\n'),
      names: ['AWSENV_PROFILE'],
      env: shellEnv(dir, { AWS_ENDPOINT_URL_STS: sts.url }, [binDir]),
      cwd: dir,
    });
    expect(result.stderr).toMatch(/^awsenv: using profile "admin": role admin in account 222222222222, until \d\d:\d\d \((59m|1h00m) left\)\n$/);
    const [prompt, ...rest] = result.bodyOutput.split('\n');
    expect(prompt).toMatch(/^admin \((59m|1h00m)\)$/);
    expect(rest).toEqual(['profile:  admin', 'account:  222222222222', expect.stringMatching(ASSUMED_ADMIN.source.replace('^', '^identity: ')), expect.stringMatching(/^expires: /), 'region:   eu-central-1', expect.stringMatching(/^readonly \((59m|1h00m)\)$/)]);
    expect(result.vars.get('AWSENV_PROFILE')).toEqual(['readonly']);
  });
});
