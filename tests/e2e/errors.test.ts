import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { cacheFiles, expectCleanFailure, makeHome, runCli } from '../support/cli';
import { ALICE, ADMIN_ROLE, CONFIG, CREDENTIALS, LOCKED_ROLE, PARTNER_ROLE, startWorld } from '../support/stsWorld';

let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

// Every MFA code is accepted once, so each case gets its own.
let nextCode = 200000;
const freshCode = () => String(nextCode++);

interface Case {
  name: string;
  args: () => string[];
  config?: string;
  credentials?: string;
  env?: NodeJS.ProcessEnv;
  exit: number;
  says: (string | RegExp)[];
  /** How many STS calls the command may make before it fails. */
  calls: number;
}

// Regression (issue 13): walked, described and keyed step by step, a chain this deep took minutes before any call.
const DEEP_CHAIN = Array.from({ length: 10_000 }, (_, i) => `[profile p${i}]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = p${i + 1}\n`).join('\n');

const cases: Case[] = [
  { name: 'unknown profile, with a suggestion', args: () => ['admn'], exit: 3, says: ['profile "admn": not found', 'Did you mean "admin"?', 'Known profiles: admin, alice'], calls: 0 },
  { name: 'a mistyped command: the command suggested', args: () => ['lsit'], exit: 3, says: ['profile "lsit": not found', 'Did you mean the command "awsenv list"?'], calls: 0 },
  { name: 'unknown profile named by AWS_PROFILE', args: () => [], env: { AWS_PROFILE: 'ghost' }, exit: 3, says: ['profile "ghost": not found (AWS_PROFILE names it)'], calls: 0 },
  {
    name: 'a cycle, named as a path',
    args: () => ['a'],
    config: `[profile a]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = a\n`,
    exit: 3,
    says: ['a → b → a'],
    calls: 0,
  },
  ...[['p0'], ['exec', 'p0', '--', 'true'], ['login', 'p0'], ['logout', 'p0']].map((args) => ({
    name: `awsenv ${args.join(' ')} on a 10,000-deep source_profile chain: a clear error, at once`,
    args: () => args,
    config: DEEP_CHAIN,
    exit: 3,
    says: ['profile "p0": has a source_profile chain of more than 64 profiles: p0 → p1 → p2 → … → p64 → …'],
    calls: 0,
  })),
  {
    name: 'a source_profile that does not exist',
    args: () => ['r', '--mfa-code', freshCode()],
    config: `[profile r]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = alicee\n`,
    exit: 3,
    says: ['source_profile "alicee", which does not exist', 'Did you mean "alice"?'],
    calls: 0,
  },
  {
    name: 'both source_profile and credential_source',
    args: () => ['r'],
    config: `[profile r]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = alice\ncredential_source = Environment\n`,
    exit: 3,
    says: ['both source_profile and credential_source'],
    calls: 0,
  },
  { name: 'a role with no source', args: () => ['r'], config: `[profile r]\nrole_arn = ${ADMIN_ROLE}\n`, exit: 3, says: ['role_arn but no source_profile'], calls: 0 },
  { name: 'a profile with no credentials', args: () => ['empty'], config: '[profile empty]\nregion = eu-west-1\n', exit: 3, says: ['profile "empty": has no credentials'], calls: 0 },
  {
    name: "a duration over the role's maximum session duration: the role, the duration asked for and both fixes",
    args: () => ['p', '--duration', '2h'],
    config: `[profile p]\nrole_arn = ${PARTNER_ROLE}\nsource_profile = alice\nexternal_id = partner-ext-42\n`,
    exit: 5,
    says: [`profile "p": role ${PARTNER_ROLE} does not allow sessions of 2h: that is more than its maximum session duration`, 'Ask for less with --duration'],
    calls: 1,
  },
  {
    name: 'a duration AWS would refuse fails before any prompt',
    args: () => ['r'],
    config: `[profile r]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = alice\nmfa_serial = ${ALICE.mfaSerial}\nduration_seconds = 99999\n`,
    exit: 3,
    says: ['900 to 43200 seconds'],
    calls: 0,
  },
  {
    name: 'a config the AWS CLI refuses (a header without its ]) names the file and the line, not a shorter config',
    args: () => ['alice', '--mfa-code', freshCode()],
    config: `${CONFIG}\n[profile broken\nregion = eu-west-1\n`,
    exit: 3,
    says: [/\/\.aws\/config line \d+: a section header must end with '\]'/, 'The AWS CLI cannot read this file either.'],
    calls: 0,
  },
  {
    name: 'a property outside any section of the credentials file',
    args: () => ['alice', '--mfa-code', freshCode()],
    credentials: `aws_access_key_id = ${ALICE.accessKeyId}\n${CREDENTIALS}`,
    exit: 3,
    says: [/\/\.aws\/credentials line 1: a property outside any section/],
    calls: 0,
  },
  { name: 'no terminal and no MFA code', args: () => ['alice'], exit: 4, says: ['profile "alice": needs an MFA code for arn:aws:iam::111111111111:mfa/alice,', '--mfa-code'], calls: 0 },
  {
    name: 'no terminal and no MFA code, for a role: the message names the profile asked for',
    args: () => ['admin'],
    exit: 4,
    says: ['profile "alice" (on the way to "admin"): needs an MFA code for arn:aws:iam::111111111111:mfa/alice,'],
    calls: 0,
  },
  { name: 'an MFA code of the wrong shape, before any call', args: () => ['alice', '--mfa-code', '12345'], exit: 2, says: ['--mfa-code must be the 6 digits'], calls: 0 },
  { name: 'a wrong MFA code', args: () => ['alice', '--mfa-code', '000000'], exit: 5, says: ['profile "alice": AWS rejected the MFA code for arn:aws:iam::111111111111:mfa/alice', 'wait for the next code'], calls: 1 },
  {
    name: 'AccessDenied on AssumeRole names who tried which role',
    args: () => ['locked'],
    exit: 5,
    says: [`profile "locked": arn:aws:iam::111111111111:user/alice may not assume ${LOCKED_ROLE}`, 'trust policy'],
    calls: 1,
  },
  {
    name: 'an access key AWS does not know',
    args: () => ['alice', '--mfa-code', freshCode()],
    credentials: '[alice]\naws_access_key_id = AKIAUNKNOWN000000000\naws_secret_access_key = whatever\n',
    exit: 5,
    says: ['profile "alice": AWS does not recognise the access key'],
    calls: 1,
  },
  {
    name: 'a wrong secret key',
    args: () => ['alice', '--mfa-code', freshCode()],
    credentials: `[alice]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = wrong\n`,
    exit: 5,
    says: ['profile "alice": the secret access key does not match'],
    calls: 1,
  },
  {
    name: 'an --output file that cannot be written is a file error, after the credentials were got',
    args: () => ['alice', '--mfa-code', freshCode(), '--output', '/nonexistent-dir/creds.sh'],
    exit: 7,
    says: ['cannot write /nonexistent-dir/creds.sh (ENOENT)'],
    calls: 1,
  },
  {
    name: '--mfa-code for a chain that uses no code is refused before any call, naming the profile',
    args: () => ['partner', '--mfa-code', freshCode()],
    exit: 2,
    says: ['profile "partner": --mfa-code was given, but no step of this chain uses an MFA code', 'Add mfa_serial'],
    calls: 0,
  },
  { name: 'an unknown flag', args: () => ['alice', '--frobnicate'], exit: 2, says: ['Unknown argument: --frobnicate'], calls: 0 },
  { name: 'an unknown format', args: () => ['alice', '-f', 'tcsh', '--mfa-code', freshCode()], exit: 2, says: ['unknown format "tcsh"', 'sh, fish, powershell'], calls: 0 },
  { name: 'a bad duration', args: () => ['alice', '--duration', '2 days'], exit: 2, says: ['--duration "2 days" is not a duration'], calls: 0 },
];

describe('failures leave stdout empty and say what to do', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { env } = makeHome({ config: c.config ?? CONFIG, credentials: c.credentials ?? CREDENTIALS });
    const before = sts.calls.length;
    const result = await runCli(c.args(), { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, ...c.env } });
    expectCleanFailure(result, c.exit, ...c.says);
    expect(sts.calls.length - before).toBe(c.calls);
  });

  test.each([
    ['with its byte-order mark', Buffer.from(`\ufeff${CONFIG}`, 'utf16le'), 'line 1: the file is UTF-16'],
    ['without one', Buffer.from(CONFIG, 'utf16le'), 'line 1: a NUL byte'],
  ])('a config saved as UTF-16 %s is refused, naming the file, not read as no profiles', async (_name, bytes, says) => {
    const { home, env } = makeHome({ credentials: CREDENTIALS });
    fs.writeFileSync(path.join(home, '.aws', 'config'), bytes);
    const result = await runCli(['alice', '--mfa-code', freshCode()], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } });
    expectCleanFailure(result, 3, `${path.join(home, '.aws', 'config')} ${says}`, 'Save it as UTF-8');
  });

  test('a reused MFA code is rejected like a wrong one', async () => {
    const code = freshCode();
    const first = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    expect((await runCli(['alice', '--mfa-code', code], { env: { ...first.env, AWS_ENDPOINT_URL_STS: sts.url } })).code).toBe(0);
    const second = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['alice', '--mfa-code', code], { env: { ...second.env, AWS_ENDPOINT_URL_STS: sts.url } });
    expectCleanFailure(result, 5, 'AWS rejected the MFA code');
    expect(cacheFiles(second.home)).toEqual([]);
  });

  test('a cached MFA session STS no longer takes is blamed, not the keys in the credentials file', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    expect((await runCli(['alice', '--mfa-code', freshCode()], { env: world })).code).toBe(0);
    sts.expireIssued();
    const result = await runCli(['admin'], { env: world });
    expectCleanFailure(result, 5, 'profile "alice" (on the way to "admin"): STS no longer accepts the session credentials that signed AssumeRole (ExpiredToken)', '--refresh');
    expect(result.stderr).not.toContain('credentials file');
  });

  test('an unreachable endpoint fails within the bound, as a network error', async () => {
    const port = await closedPort();
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const result = await runCli(['alice', '--mfa-code', freshCode()], { env: { ...env, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` }, timeoutMs: 60000 });
    expectCleanFailure(result, 6, `profile "alice": cannot reach STS at http://127.0.0.1:${port}`, 'ECONNREFUSED');
  });

  test('an endpoint that never answers fails with a timeout, as a network error', async () => {
    const silent = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
      const result = await runCli(['alice', '--mfa-code', freshCode()], { env: { ...env, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` }, timeoutMs: 60000 });
      expectCleanFailure(result, 6, `cannot reach STS at http://127.0.0.1:${port}`);
    } finally {
      silent.close();
    }
  }, 70000);
});

async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
