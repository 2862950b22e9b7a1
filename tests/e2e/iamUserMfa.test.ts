import fs from 'node:fs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { FakeSts } from '../fakes/sts';
import { cacheFiles, evalInBash, makeHome, runCli } from '../support/cli';
import { ALICE, ADMIN_ROLE, CONFIG, CREDENTIALS, DEEP_ROLE, PARTNER_ROLE, READONLY_ROLE, startWorld } from '../support/stsWorld';

let sts: FakeSts;
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());

// The calls awsenv made, without the GetCallerIdentity checks the tests make themselves.
const awsenvCalls = () => sts.calls.filter((call) => call.action !== 'GetCallerIdentity');

function world() {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  return { home, env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } };
}

async function whoAmI(vars: Record<string, string>): Promise<string | undefined> {
  const client = new STSClient({
    region: 'us-east-1',
    endpoint: sts.url,
    credentials: { accessKeyId: vars.AWS_ACCESS_KEY_ID, secretAccessKey: vars.AWS_SECRET_ACCESS_KEY, sessionToken: vars.AWS_SESSION_TOKEN },
  });
  return (await client.send(new GetCallerIdentityCommand({}))).Arn;
}

describe('IAM user + MFA', () => {
  test('one GetSessionToken with the serial, code and 12 h, exported and then reused without a call', async () => {
    const { env } = world();
    const first = await runCli(['alice', '--mfa-code', '123456'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(sts.calls.map((c) => [c.action, c.params])).toEqual([
      ['GetSessionToken', { SerialNumber: ALICE.mfaSerial, TokenCode: '123456', DurationSeconds: '43200' }],
    ]);
    expect(sts.calls[0].accessKeyId).toBe(ALICE.accessKeyId);

    const vars = await evalInBash(first.stdout, { AWS_PROFILE: 'stale', AWS_REGION: 'xx-old-1' });
    const issued = sts.issued[0];
    expect(vars.AWS_ACCESS_KEY_ID).toBe(issued.accessKeyId);
    expect(vars.AWS_SECRET_ACCESS_KEY).toBe(issued.secretAccessKey);
    expect(vars.AWS_SESSION_TOKEN).toBe(issued.sessionToken);
    expect(new Date(vars.AWS_CREDENTIAL_EXPIRATION).getTime()).toBe(Math.floor(issued.expiration.getTime() / 1000) * 1000);
    expect(vars.AWS_CREDENTIAL_EXPIRATION).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(vars.AWS_REGION).toBe('eu-west-1');
    expect(vars.AWS_DEFAULT_REGION).toBe('eu-west-1');
    expect(vars.AWSENV_PROFILE).toBe('alice');
    expect(vars.AWS_PROFILE).toBeUndefined();
    expect(await whoAmI(vars)).toBe(ALICE.arn);

    // No code and no terminal: only a cache hit can succeed.
    const second = await runCli(['alice'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(awsenvCalls()).toHaveLength(1);
  });

  test('mfa_serial written with a colon, as the AWS CLI reads it, still asks for the MFA session, with a warning: never the long-term keys', async () => {
    const { home, env } = world();
    fs.writeFileSync(`${home}/.aws/config`, CONFIG.replace(`mfa_serial = ${ALICE.mfaSerial}`, `mfa_serial: ${ALICE.mfaSerial}`));
    const result = await runCli(['alice', '--mfa-code', '123456'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`awsenv: warning: ${home}/.aws/config line 3: "mfa_serial: …" is read as "mfa_serial = …", as the AWS CLI reads it; the AWS SDKs refuse or skip the line. Write "mfa_serial = …"\n`);
    expect(awsenvCalls().map((c) => [c.action, c.params.SerialNumber])).toEqual([['GetSessionToken', ALICE.mfaSerial]]);
    expect((await evalInBash(result.stdout, {})).AWS_SESSION_TOKEN).toBe(sts.issued[0].sessionToken);
  });

  test.each([
    ['duration_seconds in the profile', 'duration_seconds = 7200\n', [], '7200'],
    ['--duration overrides it', 'duration_seconds = 7200\n', ['--duration', '1h'], '3600'],
    ['--duration in seconds', '', ['--duration', '900'], '900'],
  ])('%s', async (_name, extra, flags, expected) => {
    const { home, env } = world();
    const config = CONFIG.replace('[profile alice]\n', `[profile alice]\n${extra}`);
    fs.writeFileSync(`${home}/.aws/config`, config);
    const result = await runCli(['alice', '--mfa-code', '123456', ...flags], { env });
    expect(result.code).toBe(0);
    expect(sts.calls[0].params.DurationSeconds).toBe(expected);
  });

  test('--refresh fetches anew and replaces the cache; --no-cache neither reads nor writes it', async () => {
    const { home, env } = world();
    await runCli(['alice', '--mfa-code', '111111'], { env });
    const [file] = cacheFiles(home);
    const before = fs.readFileSync(file, 'utf8');

    const refreshed = await runCli(['alice', '--mfa-code', '222222', '--refresh'], { env });
    expect(refreshed.code).toBe(0);
    expect(sts.callCount('GetSessionToken')).toBe(2);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain(sts.issued[1].accessKeyId);

    const uncached = await runCli(['alice', '--mfa-code', '333333', '--no-cache'], { env });
    expect(uncached.code).toBe(0);
    expect(sts.callCount('GetSessionToken')).toBe(3);
    expect(uncached.stdout).toContain(sts.issued[2].accessKeyId);
    expect(fs.readFileSync(file, 'utf8')).toBe(after);
  });

  test('the cache is private: directory 0700, files 0600, whatever the umask', async () => {
    const { home, env } = world();
    const result = await runCli(['alice', '--mfa-code', '123456'], { env: { ...env } });
    expect(result.code).toBe(0);
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    expect(fs.statSync(`${home}/.aws/awsenv`).mode & 0o777).toBe(0o700);
    expect(fs.statSync(files[0]).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(`${home}/.aws/awsenv`).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a cache file others can read or write is not trusted, and is replaced by a private one', async () => {
    const { home, env } = world();
    await runCli(['alice', '--mfa-code', '123456'], { env });
    const [file] = cacheFiles(home);
    fs.chmodSync(file, 0o644);
    const distrusted = await runCli(['alice'], { env });
    expect(distrusted.stdout).toBe('');
    expect(distrusted.code).toBe(4);
    const renewed = await runCli(['alice', '--mfa-code', '234567'], { env });
    expect(renewed.code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(sts.callCount('GetSessionToken')).toBe(2);
  });

  test('a damaged cache file is ignored and replaced', async () => {
    const { home, env } = world();
    await runCli(['alice', '--mfa-code', '123456'], { env });
    const [file] = cacheFiles(home);
    const noExpiry = JSON.stringify({ version: 1, profile: 'alice', kind: 'sessionToken', credentials: { accessKeyId: 'ASIAX', secretAccessKey: 'x', sessionToken: 'x' } });
    for (const garbage of ['{"version":1,', '', '{"version":1,"profile":"alice","kind":"sessionToken","credentials":{}}', noExpiry]) {
      fs.writeFileSync(file, garbage);
      const code = String(100000 + sts.calls.length);
      const result = await runCli(['alice', '--mfa-code', code], { env });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).credentials.accessKeyId).toBe(sts.issued[sts.issued.length - 1].accessKeyId);
    }
  });
});

describe('IAM user + MFA + switch role', () => {
  test('GetSessionToken, then AssumeRole signed with the MFA session; a second role needs no code', async () => {
    const { env } = world();
    const admin = await runCli(['admin', '--mfa-code', '123456'], { env });
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole']);
    const [session, assume] = sts.calls;
    expect(session.accessKeyId).toBe(ALICE.accessKeyId);
    expect(assume.accessKeyId).toBe(session.issuedAccessKeyId);
    expect(assume.params).toEqual(expect.objectContaining({ RoleArn: ADMIN_ROLE }));
    expect(assume.params.TokenCode).toBeUndefined();
    expect(assume.params.RoleSessionName).toMatch(/^awsenv-\d+$/);
    const vars = await evalInBash(admin.stdout);
    expect(await whoAmI(vars)).toMatch(/^arn:aws:sts::222222222222:assumed-role\/admin\//);
    expect(vars.AWS_REGION).toBe('eu-central-1');

    const readonly = await runCli(['readonly'], { env });
    expect(readonly.stderr).toBe('');
    expect(readonly.code).toBe(0);
    const calls = awsenvCalls();
    expect(calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    expect(calls[2].accessKeyId).toBe(session.issuedAccessKeyId);
    expect(calls[2].params.RoleArn).toBe(READONLY_ROLE);
    // The named profile has no region of its own: the export leaves the shell's alone.
    expect(readonly.stdout).not.toContain('AWS_REGION');

    const again = await runCli(['admin'], { env });
    expect(again.stdout).toBe(admin.stdout);
    expect(awsenvCalls()).toHaveLength(3);
  });

  test('role → role: the second role is assumed with the first role\'s credentials and its own session name', async () => {
    const { env } = world();
    const result = await runCli(['deep', '--mfa-code', '123456'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    expect(sts.calls[2].accessKeyId).toBe(sts.calls[1].issuedAccessKeyId);
    expect(sts.calls[2].params).toEqual(expect.objectContaining({ RoleArn: DEEP_ROLE, RoleSessionName: 'deep-dive' }));
    expect(await whoAmI(await evalInBash(result.stdout))).toBe('arn:aws:sts::444444444444:assumed-role/deep/deep-dive');

    // The admin role's credentials were cached on the way: asking for admin now costs nothing.
    const admin = await runCli(['admin'], { env });
    expect(admin.code).toBe(0);
    expect(awsenvCalls()).toHaveLength(3);
  });

  test('external_id and duration_seconds reach AssumeRole; a role without mfa_serial needs no code', async () => {
    const { env } = world();
    const result = await runCli(['partner'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // alice's own mfa_serial concerns alice, not the roles she is the source of (as in the AWS CLI).
    expect(awsenvCalls().map((c) => c.action)).toEqual(['AssumeRole']);
    const [assume] = awsenvCalls();
    expect(assume.accessKeyId).toBe(ALICE.accessKeyId);
    expect(assume.params).toEqual(expect.objectContaining({ RoleArn: PARTNER_ROLE, ExternalId: 'partner-ext-42', DurationSeconds: '1800' }));
  });

  test('a role asked to last over an hour takes the MFA code on its own AssumeRole', async () => {
    const { env } = world();
    const result = await runCli(['admin', '--mfa-code', '123456', '--duration', '8h'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const calls = awsenvCalls();
    expect(calls.map((c) => c.action)).toEqual(['AssumeRole']);
    expect(calls[0].accessKeyId).toBe(ALICE.accessKeyId);
    expect(calls[0].params).toEqual(expect.objectContaining({ RoleArn: ADMIN_ROLE, SerialNumber: ALICE.mfaSerial, TokenCode: '123456', DurationSeconds: '28800' }));
  });

  test('a change of external id or duration never reuses the cached role credentials', async () => {
    const { home, env } = world();
    await runCli(['partner'], { env });
    expect(sts.callCount('AssumeRole')).toBe(1);
    fs.writeFileSync(`${home}/.aws/config`, CONFIG.replace('duration_seconds = 1800', 'duration_seconds = 2700'));
    await runCli(['partner'], { env });
    expect(sts.callCount('AssumeRole')).toBe(2);
    const withDuration = await runCli(['partner', '--duration', '20m'], { env });
    expect(withDuration.code).toBe(0);
    expect(sts.callCount('AssumeRole')).toBe(3);
    expect(sts.calls[sts.calls.length - 1].params.DurationSeconds).toBe('1200');
  });
});
