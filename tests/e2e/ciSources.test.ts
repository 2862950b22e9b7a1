import fs from 'node:fs';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { evalInBash, makeHome, runCli } from '../support/cli';

// The CI sources that need no new endpoint: credential_process, the environment's keys, ad-hoc roles, and the
// pipeline outputs (--format github, --output).
const USER = { accessKeyId: 'AKIACI00000000000001', secretAccessKey: 'ci/secret+key000000000000000000000000000', arn: 'arn:aws:iam::111111111111:user/ci' };
const DEPLOY = 'arn:aws:iam::222222222222:role/deploy';

let sts: FakeSts;
beforeAll(async () => {
  sts = await startFakeSts({ users: [USER], roles: [{ arn: DEPLOY }] });
});
afterAll(() => sts.close());

function home(config = '') {
  const made = makeHome({ config });
  return { ...made, env: { ...made.env, AWS_ENDPOINT_URL_STS: sts.url } };
}

/** A credential_process program: a node script printing `output` (and `stderr`), exiting with `code`. */
function processScript(dir: string, output: string, code = 0, stderr = ''): string {
  const file = path.join(dir, 'creds.js');
  fs.writeFileSync(file, `process.stderr.write(${JSON.stringify(stderr)}); process.stdout.write(${JSON.stringify(output)}); process.exitCode = ${code};\n`);
  return `"${process.execPath}" ${file} --flag "two words"`;
}

const VERSION_1 = JSON.stringify({ Version: 1, AccessKeyId: USER.accessKeyId, SecretAccessKey: USER.secretAccessKey, Expiration: '2099-01-01T00:00:00Z' });

describe('credential_process', () => {
  test('its credentials are exported, and serve as the source of a role', async () => {
    const h = home();
    fs.writeFileSync(`${h.home}/.aws/config`, `[profile proc]\ncredential_process = ${processScript(h.home, VERSION_1)}\n[profile deploy]\nrole_arn = ${DEPLOY}\nsource_profile = proc\n`);
    const plain = await runCli(['proc'], { env: h.env });
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    const vars = await evalInBash(plain.stdout);
    expect(vars.AWS_ACCESS_KEY_ID).toBe(USER.accessKeyId);
    expect(vars.AWS_CREDENTIAL_EXPIRATION).toBe('2099-01-01T00:00:00Z');

    const before = sts.calls.length;
    const role = await runCli(['deploy'], { env: h.env });
    expect(role.code).toBe(0);
    expect(sts.calls.slice(before).map((c) => [c.action, c.accessKeyId])).toEqual([['AssumeRole', USER.accessKeyId]]);
  });

  test('credentials the process says have expired are refused, as botocore refuses them', async () => {
    const h = home();
    const expired = JSON.stringify({ Version: 1, AccessKeyId: 'AKIA', SecretAccessKey: 's', Expiration: '2000-01-01T00:00:00Z' });
    fs.writeFileSync(`${h.home}/.aws/config`, `[profile proc]\ncredential_process = ${processScript(h.home, expired)}\n`);
    const result = await runCli(['proc'], { env: h.env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('expired at 2000-01-01T00:00:00Z');
  });

  test('dates botocore reads and an empty SessionToken are taken', async () => {
    const h = home();
    const loose = JSON.stringify({ Version: 1, AccessKeyId: 'AKIA', SecretAccessKey: 's', SessionToken: '', Expiration: '2099-01-01 00:00:00Z' });
    fs.writeFileSync(`${h.home}/.aws/config`, `[profile proc]\ncredential_process = ${processScript(h.home, loose)}\n`);
    const result = await runCli(['proc'], { env: h.env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('unset AWS_SESSION_TOKEN');
  });

  test.each([
    ['a failing process, its stderr quoted', '', 3, 'token expired, run sso login', ['failed with exit code 3', 'token expired, run sso login']],
    ['output that is not JSON', 'hello', 0, '', ['printed something other than JSON']],
    ['JSON of another version', JSON.stringify({ Version: 2, AccessKeyId: 'a', SecretAccessKey: 'b' }), 0, '', ['not version-1 credentials', 'Version']],
  ])('%s: a clear error, nothing on stdout', async (_why, output, code, stderr, says) => {
    const h = home();
    fs.writeFileSync(`${h.home}/.aws/config`, `[profile proc]\ncredential_process = ${processScript(h.home, output, code, stderr)}\n`);
    const result = await runCli(['proc'], { env: h.env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    for (const part of says) expect(result.stderr).toContain(part);
  });
});

describe('ad-hoc roles and the environment', () => {
  test('--role-arn with the environment\'s keys as the source', async () => {
    const h = home();
    const before = sts.calls.length;
    const result = await runCli(['--role-arn', DEPLOY, '--role-session-name', 'build-7'], { env: { ...h.env, AWS_ACCESS_KEY_ID: USER.accessKeyId, AWS_SECRET_ACCESS_KEY: USER.secretAccessKey } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sts.calls.slice(before).map((c) => [c.action, c.accessKeyId, c.params.RoleSessionName])).toEqual([['AssumeRole', USER.accessKeyId, 'build-7']]);
    expect((await evalInBash(result.stdout)).AWSENV_PROFILE).toBe(DEPLOY);
  });

  test('credential_source = Environment', async () => {
    const h = home(`[profile deploy]\nrole_arn = ${DEPLOY}\ncredential_source = Environment\n`);
    const result = await runCli(['deploy'], { env: { ...h.env, AWS_ACCESS_KEY_ID: USER.accessKeyId, AWS_SECRET_ACCESS_KEY: USER.secretAccessKey } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('--source-profile without --role-arn is a usage error', async () => {
    const result = await runCli(['--source-profile', 'x'], { env: home().env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--source-profile goes with --role-arn');
  });
});

describe('pipeline outputs', () => {
  const keysEnv = { AWS_ACCESS_KEY_ID: USER.accessKeyId, AWS_SECRET_ACCESS_KEY: USER.secretAccessKey };

  test('--format github masks the secrets on stdout and appends the variables to $GITHUB_ENV', async () => {
    const h = home();
    const githubEnv = path.join(h.home, 'github_env');
    fs.writeFileSync(githubEnv, 'EARLIER=kept\n');
    const result = await runCli(['--role-arn', DEPLOY, '-f', 'github'], { env: { ...h.env, ...keysEnv, GITHUB_ENV: githubEnv } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const issued = sts.issued[sts.issued.length - 1];
    expect(result.stdout).toBe(`::add-mask::${issued.accessKeyId}\n::add-mask::${issued.secretAccessKey}\n::add-mask::${issued.sessionToken}\n`);
    const written = fs.readFileSync(githubEnv, 'utf8');
    expect(written.startsWith('EARLIER=kept\n')).toBe(true);
    expect(written).toContain(`AWS_SECRET_ACCESS_KEY<<AWSENV_EOF\n${issued.secretAccessKey}\nAWSENV_EOF\n`);
    expect(written).toContain(`AWSENV_PROFILE<<AWSENV_EOF\n${DEPLOY}\nAWSENV_EOF\n`);
  });

  test.each([
    ['--output', ['-f', 'github', '--output', 'x']],
    ['awsuse', ['use', 'p', '-f', 'github']],
  ])('--format github with %s is a usage error', async (_why, args) => {
    const result = await runCli(args[0] === 'use' ? args : ['--role-arn', DEPLOY, ...args], { env: { ...home().env, ...keysEnv, GITHUB_ENV: '/dev/null' } });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  test('--format github without GITHUB_ENV fails before any AWS call', async () => {
    const before = sts.calls.length;
    const result = await runCli(['--role-arn', DEPLOY, '-f', 'github'], { env: { ...home().env, ...keysEnv } });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GITHUB_ENV is not set');
    expect(sts.calls.length).toBe(before);
  });

  test.each(['dotenv', 'json'])('--format %s --output FILE writes a private file and nothing on stdout', async (format) => {
    const h = home();
    const file = path.join(h.home, `creds.${format}`);
    const result = await runCli(['--role-arn', DEPLOY, '-f', format, '--output', file], { env: { ...h.env, ...keysEnv } });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const issued = sts.issued[sts.issued.length - 1];
    expect(fs.readFileSync(file, 'utf8')).toContain(format === 'json' ? `"AWS_SESSION_TOKEN": "${issued.sessionToken}"` : `AWS_SESSION_TOKEN=${issued.sessionToken}\n`);
  });
});
