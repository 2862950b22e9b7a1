import fs from 'node:fs';
import { cacheKey } from '../../src/cache/cacheKey';
import { describeChain } from '../../src/chain/describe';
import { MAX_CHAIN_PROFILES } from '../../src/chain/limits';
import { resolve } from '../../src/chain/resolve';
import { signInSessionOf } from '../../src/chain/signInSession';
import type { Chain, ResolveOptions, Step } from '../../src/chain/types';
import { loadConfig } from '../../src/config/loadConfig';
import type { AwsConfig } from '../../src/config/mergeSharedFiles';
import { AwsenvError } from '../../src/core/errors';
import { iniFiles, loadIni, removeIniFiles, type IniTexts } from '../support/iniFiles';
import { recordingLogger } from '../support/recordingLogger';
import {
  ADMIN,
  BOB_MFA,
  DEEP,
  DEEPER,
  KEYS,
  MFA,
  PARTNER,
  READONLY,
  SELF,
  US_EAST_1,
  WORLD,
  YUBIKEY,
  admin,
  alice,
  aliceSession,
  bob,
  bobSession,
  deep,
  keyLines,
  roleFromBob,
  temp,
} from './resolveWorld';

afterAll(removeIniFiles);

interface ChainCase {
  why: string;
  files?: IniTexts;
  profile: string;
  options?: Partial<ResolveOptions>;
  steps: Step[];
  region?: string;
  /** Settings the chain cannot honour, said on stderr. */
  warnings?: string[];
}

describe(resolve.name, () => {
  it.each<ChainCase>([
    // Static keys, with or without an MFA session in front.
    { why: 'keys alone are the chain', profile: 'alice', steps: [alice], region: 'eu-west-1' },
    { why: 'keys with mfa_serial get an MFA session', profile: 'bob', steps: [bob, bobSession] },
    { why: 'keys already temporary need no session', profile: 'temp', steps: [temp] },

    // A role on long-term keys: one MFA session for the source, the role call carries no MFA.
    { why: 'role with MFA: session for the source, then the role', profile: 'admin', steps: [alice, aliceSession, admin], region: 'eu-central-1' },
    {
      why: 'a second role on the same source and device shares the same session step',
      profile: 'readonly',
      steps: [alice, aliceSession, { kind: 'assumeRole', profile: 'readonly', roleArn: READONLY, sts: US_EAST_1 }],
    },
    {
      why: 'role without MFA goes straight from the keys',
      profile: 'partner',
      steps: [
        alice,
        {
          kind: 'assumeRole',
          profile: 'partner',
          roleArn: PARTNER,
          externalId: 'partner-ext-42',
          sourceIdentity: 'alice',
          roleSessionName: 'alice@partner',
          durationSeconds: 1800,
          sts: US_EAST_1,
        },
      ],
    },
    // As in the AWS CLI: a source's own mfa_serial does not reach the roles it feeds, so this role needs no code.
    { why: 'role on an MFA-session profile, no mfa_serial of its own: straight from the keys', profile: 'bob-admin', steps: [bob, roleFromBob('bob-admin')] },
    { why: 'role on an MFA-session profile with the same device', profile: 'bob-same-device', steps: [bob, bobSession, roleFromBob('bob-same-device')] },
    {
      why: 'role on an MFA-session profile with another device: the MFA session uses the role\'s device',
      profile: 'bob-yubikey',
      steps: [bob, { ...bobSession, mfaSerial: YUBIKEY }, roleFromBob('bob-yubikey')],
    },
    {
      why: 'role on keys already temporary: the role call carries the MFA',
      profile: 'from-temp',
      steps: [temp, { kind: 'assumeRole', profile: 'from-temp', roleArn: ADMIN, mfaSerial: MFA, sts: US_EAST_1 }],
    },

    // Role → role.
    { why: 'role from a role', profile: 'deep', steps: [alice, aliceSession, admin, deep] },
    {
      why: 'role from a role from a role, the device already proved at the start',
      profile: 'deeper',
      steps: [alice, aliceSession, admin, deep, { kind: 'assumeRole', profile: 'deeper', roleArn: DEEPER, sts: US_EAST_1 }],
    },
    {
      why: 'role from a role with a device not yet proved',
      profile: 'yubikey-deep',
      steps: [alice, aliceSession, admin, deep, { kind: 'assumeRole', profile: 'yubikey-deep', roleArn: DEEPER, mfaSerial: YUBIKEY, sts: US_EAST_1 }],
    },

    // source_profile naming itself uses the keys written beside the role (AWS CLI behaviour).
    {
      why: 'a role that is its own source',
      profile: 'self',
      steps: [
        { kind: 'static', profile: 'self', ...KEYS.self },
        { kind: 'sessionToken', profile: 'self', mfaSerial: MFA, durationSeconds: 43200, sts: { region: 'us-west-2' } },
        { kind: 'assumeRole', profile: 'self', roleArn: SELF, sts: { region: 'us-west-2' } },
      ],
      region: 'us-west-2',
    },

    // Options.
    {
      why: '--duration applies to the last step only',
      profile: 'admin',
      options: { durationSeconds: 3600 },
      steps: [alice, aliceSession, { ...admin, durationSeconds: 3600 }],
      region: 'eu-central-1',
    },
    {
      // AWS caps a role assumed from a session at an hour: a longer role takes the code on its own call.
      why: '--duration over an hour on an MFA role skips the shared MFA session',
      profile: 'admin',
      options: { durationSeconds: 7200 },
      steps: [alice, { ...admin, mfaSerial: MFA, durationSeconds: 7200 }],
      region: 'eu-central-1',
    },
    {
      why: 'duration_seconds over an hour on an MFA role skips the shared MFA session',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile long]\nrole_arn = ${ADMIN}\nsource_profile = alice\nmfa_serial = ${MFA}\nduration_seconds = 43200\n` },
      profile: 'long',
      steps: [alice, { kind: 'assumeRole', profile: 'long', roleArn: ADMIN, mfaSerial: MFA, durationSeconds: 43200, sts: US_EAST_1 }],
    },
    {
      why: 'a source profile with keys gives its keys, even when it also names a role (as in the AWS CLI)',
      files: {
        credentials: `[carol]\n${keyLines(KEYS.bob)}`,
        config: `[profile carol]\nrole_arn = ${DEEP}\nsource_profile = carol\nmfa_serial = ${BOB_MFA}\n[profile via-carol]\nrole_arn = ${ADMIN}\nsource_profile = carol\n`,
      },
      profile: 'via-carol',
      steps: [{ kind: 'static', profile: 'carol', ...KEYS.bob }, { kind: 'assumeRole', profile: 'via-carol', roleArn: ADMIN, sts: US_EAST_1 }],
    },
    { why: '--duration sets the length of an MFA session that is the last step', profile: 'bob', options: { durationSeconds: 3600 }, steps: [bob, { ...bobSession, durationSeconds: 3600 }] },
    {
      why: '--duration leaves plain keys alone, and says so',
      profile: 'alice',
      options: { durationSeconds: 3600 },
      steps: [alice],
      region: 'eu-west-1',
      warnings: ['--duration does not apply to profile "alice" and is ignored: long-term keys do not expire'],
    },
    {
      why: '--region sends every call there and is exported',
      profile: 'admin',
      options: { region: 'ap-southeast-2' },
      steps: [alice, { ...aliceSession, sts: { region: 'ap-southeast-2' } }, { ...admin, sts: { region: 'ap-southeast-2' } }],
      region: 'ap-southeast-2',
    },
    {
      why: 'AWS_REGION sends every call there; the profile region is still the one exported',
      profile: 'admin',
      options: { env: { AWS_REGION: 'us-west-2' } },
      steps: [alice, { ...aliceSession, sts: { region: 'us-west-2' } }, { ...admin, sts: { region: 'us-west-2' } }],
      region: 'eu-central-1',
    },
    {
      why: 'AWS_ENDPOINT_URL_STS reaches every STS call',
      profile: 'admin',
      options: { env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4566' } },
      steps: [
        alice,
        { ...aliceSession, sts: { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' } },
        { ...admin, sts: { region: 'eu-central-1', endpoint: 'http://127.0.0.1:4566' } },
      ],
      region: 'eu-central-1',
    },

    // Settings that only show with files of their own.
    {
      why: 'the MFA session for a role lasts as long as its source profile says',
      files: {
        credentials: `[carol]\n${keyLines(KEYS.alice)}`,
        config: `[profile carol]\nduration_seconds = 3600\n[profile carol-admin]\nrole_arn = ${ADMIN}\nsource_profile = carol\nmfa_serial = ${MFA}\nduration_seconds = 900\n`,
      },
      profile: 'carol-admin',
      steps: [
        { kind: 'static', profile: 'carol', ...KEYS.alice },
        { kind: 'sessionToken', profile: 'carol', mfaSerial: MFA, durationSeconds: 3600, sts: US_EAST_1 },
        { kind: 'assumeRole', profile: 'carol-admin', roleArn: ADMIN, durationSeconds: 900, sts: US_EAST_1 },
      ],
    },
    {
      why: 'each step goes to the endpoint its own profile configures',
      files: {
        credentials: `[dev]\n${keyLines(KEYS.alice)}`,
        config: `
[profile dev]
mfa_serial = ${MFA}
endpoint_url = http://dev.local

[profile dev-admin]
role_arn = ${ADMIN}
source_profile = dev
mfa_serial = ${MFA}
services = local

[services local]
sts =
  endpoint_url = http://sts.local
`,
      },
      profile: 'dev-admin',
      steps: [
        { kind: 'static', profile: 'dev', ...KEYS.alice },
        { kind: 'sessionToken', profile: 'dev', mfaSerial: MFA, durationSeconds: 43200, sts: { region: 'us-east-1', endpoint: 'http://dev.local' } },
        { kind: 'assumeRole', profile: 'dev-admin', roleArn: ADMIN, sts: { region: 'us-east-1', endpoint: 'http://sts.local' } },
      ],
    },
    // --mfa-serial: the MFA device of the profile asked for, over its own mfa_serial.
    { why: '--mfa-serial gives keys without mfa_serial an MFA session', profile: 'alice', options: { mfaSerial: YUBIKEY }, steps: [alice, { ...aliceSession, mfaSerial: YUBIKEY }], region: 'eu-west-1' },
    { why: '--mfa-serial wins over the profile\'s mfa_serial', profile: 'bob', options: { mfaSerial: YUBIKEY }, steps: [bob, { ...bobSession, mfaSerial: YUBIKEY }] },
    {
      why: '--mfa-serial on a role without mfa_serial: the shared MFA session for its source, as mfa_serial would',
      profile: 'bob-admin',
      options: { mfaSerial: BOB_MFA },
      steps: [bob, bobSession, roleFromBob('bob-admin')],
    },
    {
      why: '--mfa-serial concerns the profile asked for, not the roles on the way',
      profile: 'deep',
      options: { mfaSerial: YUBIKEY },
      steps: [alice, aliceSession, admin, { ...deep, mfaSerial: YUBIKEY }],
    },
    {
      why: '[default] in the config file, keys and all',
      files: { config: `[default]\nregion = sa-east-1\n${keyLines(KEYS.bob)}` },
      profile: 'default',
      steps: [{ kind: 'static', profile: 'default', ...KEYS.bob }],
      region: 'sa-east-1',
    },
    {
      why: 'keys in the credentials file win over keys in the config file',
      files: { config: `[profile alice]\n${keyLines(KEYS.bob)}`, credentials: `[alice]\n${keyLines(KEYS.alice)}` },
      profile: 'alice',
      steps: [alice],
    },
  ])('$why ($profile)', async ({ files = WORLD, profile, options, steps, region, warnings }) => {
    const config = await loadIni(files);
    const chain = resolve(profile, config, { env: {}, ...options });
    expect(chain).toEqual<Chain>({ profile, steps, region, decisions: expect.any(Array), ...(warnings && { warnings }) });
  });

  // resolve() writes down why the MFA code went where it did, for --debug.
  it.each<{ profile: string; options?: Partial<ResolveOptions>; count: number; says: string[] }>([
    { profile: 'bob', count: 1, says: ['the code for', 'goes to GetSessionToken for the keys of "bob", the profile asked for'] },
    { profile: 'admin', count: 1, says: ['goes to GetSessionToken for the keys of "alice"', 'every role on those keys and that device shares one MFA session'] },
    { profile: 'admin', options: { durationSeconds: 7200 }, count: 1, says: ['goes on the AssumeRole of "admin" itself', 'asks to last 7200 s', 'caps a role assumed from an MFA session at 3600 s'] },
    { profile: 'from-temp', count: 1, says: ['goes on the AssumeRole of "from-temp" itself', 'temporary already'] },
    { profile: 'deeper', count: 2, says: ['keys of "alice"', 'no code on the AssumeRole of "deeper": an earlier step already proved'] },
    { profile: 'alice', count: 0, says: [] },
    { profile: 'partner', count: 0, says: [] },
  ])('says where the MFA code of $profile goes', async ({ profile, options, count, says }) => {
    const chain = resolve(profile, await loadIni(WORLD), { env: {}, ...options });
    expect(chain.decisions).toHaveLength(count);
    for (const fragment of says) expect(chain.decisions?.join('\n')).toContain(fragment);
  });
});

interface ErrorCase {
  why: string;
  files?: IniTexts;
  profile: string;
  options?: Partial<ResolveOptions>;
  message: string[];
  hint?: string[];
  /** The profile the error is about, where that is not simply the one asked for. */
  about?: string;
  /** config unless said. */
  kind?: 'config' | 'usage';
}

const roleOn = (source: string, extra = '') => `role_arn = ${ADMIN}\nsource_profile = ${source}\n${extra}`;

/** Calls resolve and returns what it threw; fails the test if it threw nothing or not an AwsenvError. */
function failureOf(run: () => unknown): AwsenvError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AwsenvError);
    return error as AwsenvError;
  }
  throw new Error('expected resolve() to throw');
}

describe(`${resolve.name} refuses misconfigurations`, () => {
  it.each<ErrorCase>([
    // Unknown names.
    {
      why: 'an unknown profile, with the closest name and the first known ones',
      profile: 'admn',
      message: ['profile "admn": not found'],
      hint: ['Did you mean "admin"?', 'Known profiles: admin, alice, bob, bob-admin,', '(14 in all)'],
    },
    {
      why: 'an unknown profile among few: every name listed',
      files: { credentials: `[prod]\n${keyLines(KEYS.alice)}[dev]\n${keyLines(KEYS.bob)}` },
      profile: 'staging',
      message: ['profile "staging": not found'],
      hint: ['Known profiles: dev, prod.'],
    },
    // A word of the command line may be a mistyped command: the closest of the profiles and the commands is named.
    { why: 'a word closest to a command', profile: 'lsit', options: { origin: 'argument' }, message: ['profile "lsit": not found'], hint: ['Did you mean the command "awsenv list"?', 'Known profiles: admin,'] },
    { why: 'a word closest to a profile', profile: 'admn', options: { origin: 'argument' }, message: ['profile "admn": not found'], hint: ['Did you mean "admin"?'] },
    { why: 'an unknown profile from AWS_PROFILE', profile: 'nope', options: { origin: 'AWS_PROFILE' }, message: ['"nope"', 'AWS_PROFILE', 'not found'] },
    { why: 'no profile at all', files: {}, profile: 'default', options: { origin: 'default' }, message: ['"default"', 'not found'], hint: ['No profiles are configured in'] },
    {
      why: 'a source_profile that does not exist',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile admin]\n${roleOn('alcie')}` },
      profile: 'admin',
      message: ['profile "admin": has source_profile "alcie", which does not exist'],
      hint: ['Did you mean "alice"?'],
    },
    {
      why: 'a missing source two roles down, named with the profile asked for',
      files: { config: `[profile top]\n${roleOn('mid')}\n[profile mid]\n${roleOn('ghost')}` },
      profile: 'top',
      message: ['profile "mid" (on the way to "top"): has source_profile "ghost", which does not exist'],
      about: 'mid',
    },

    // Cycles, reported as the path, before anything in the chain could prompt.
    { why: 'a two-profile cycle', files: { config: `[profile a]\n${roleOn('b')}\n[profile b]\n${roleOn('a')}` }, profile: 'a', message: ['source_profile cycle', 'a → b → a'] },
    { why: 'a role naming itself without keys of its own', files: { config: `[profile a]\n${roleOn('a')}` }, profile: 'a', message: ['a → a'] },
    {
      why: 'a cycle behind a role that needs an MFA code',
      files: {
        credentials: `[alice]\n${keyLines(KEYS.alice)}`,
        config: `[profile top]\n${roleOn('mid', `mfa_serial = ${MFA}`)}\n[profile mid]\n${roleOn('loop-a')}\n[profile loop-a]\n${roleOn('loop-b')}\n[profile loop-b]\n${roleOn('loop-a')}`,
      },
      profile: 'top',
      message: ['top → mid → loop-a → loop-b → loop-a'],
    },

    // Sources.
    {
      why: 'both source_profile and credential_source',
      files: { config: `[profile r]\n${roleOn('alice', 'credential_source = Environment')}` },
      profile: 'r',
      message: ['profile "r": has both source_profile and credential_source'],
    },
    { why: 'a role with no source', files: { config: `[profile r]\nrole_arn = ${ADMIN}\n` }, profile: 'r', message: ['profile "r": has role_arn but no source_profile or credential_source'], hint: ['source_profile'] },
    { why: 'a profile with no credentials', files: { config: '[profile bare]\nregion = eu-west-1\n' }, profile: 'bare', message: ['profile "bare": has no credentials'] },
    {
      why: 'a source with no credentials',
      files: { config: `[profile bare]\nregion = eu-west-1\n[profile r]\n${roleOn('bare')}` },
      profile: 'r',
      message: ['profile "bare" (on the way to "r"): has no credentials'],
      about: 'bare',
    },
    { why: 'an access key id without its secret', files: { credentials: `[half]\naws_access_key_id = ${KEYS.alice.accessKeyId}\n` }, profile: 'half', message: ['profile "half": has no aws_secret_access_key'] },
    { why: 'a secret without its access key id', files: { credentials: `[half]\naws_secret_access_key = ${KEYS.alice.secretAccessKey}\n` }, profile: 'half', message: ['profile "half": has no aws_access_key_id'] },

    // Values.
    { why: 'duration_seconds that is not a number', files: { credentials: `[d]\n${keyLines(KEYS.alice)}duration_seconds = 1h\n` }, profile: 'd', message: ['profile "d"', 'duration_seconds must be a whole number of seconds'] },
    { why: 'an MFA session shorter than AWS allows', files: { credentials: `[d]\n${keyLines(KEYS.alice)}mfa_serial = ${MFA}\nduration_seconds = 600\n` }, profile: 'd', message: ['an MFA session lasts 900 to 129600 seconds', 'not 600'] },
    { why: 'an MFA session longer than AWS allows', files: { credentials: `[d]\n${keyLines(KEYS.alice)}mfa_serial = ${MFA}\nduration_seconds = 200000\n` }, profile: 'd', message: ['an MFA session lasts 900 to 129600 seconds', 'not 200000'] },
    { why: '--duration too short for the MFA session it sets', profile: 'bob', options: { durationSeconds: 600 }, message: ['profile "bob"', 'an MFA session lasts', 'not 600'] },
    { why: 'a role session longer than AWS allows', files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile r]\n${roleOn('alice', 'duration_seconds = 50000')}` }, profile: 'r', message: ['profile "r"', 'a role session lasts 900 to 43200 seconds', 'not 50000'] },
    { why: '--duration longer than a role session', profile: 'admin', options: { durationSeconds: 50000 }, message: ['profile "admin"', 'a role session lasts 900 to 43200 seconds'] },
    {
      why: 'a role from a role for more than an hour',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile r1]\n${roleOn('alice')}\n[profile r2]\nrole_arn = ${DEEP}\nsource_profile = r1\nduration_seconds = 7200\n` },
      profile: 'r2',
      message: ['profile "r2"', 'at most 1 hour', 'not 7200'],
      hint: ['3600'],
    },
    { why: '--duration over an hour for a role from a role', profile: 'deep', options: { durationSeconds: 7200 }, message: ['profile "deep"', 'at most 1 hour'] },
    {
      why: 'a role_arn that is not a role ARN',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile r]\nrole_arn = arn:aws:iam::1234:user/admin\nsource_profile = alice\n` },
      profile: 'r',
      message: ['role_arn "arn:aws:iam::1234:user/admin" is not an IAM role ARN'],
    },
    {
      why: 'a role_session_name with a space',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile r]\n${roleOn('alice', 'role_session_name = alice smith')}` },
      profile: 'r',
      message: ['role_session_name "alice smith" must be 2 to 64'],
    },
    {
      why: 'a role_session_name of one letter',
      files: { credentials: `[alice]\n${keyLines(KEYS.alice)}`, config: `[profile r]\n${roleOn('alice', 'role_session_name = a')}` },
      profile: 'r',
      message: ['role_session_name "a"'],
    },

    // --mfa-serial where no MFA device can serve: refused, never dropped.
    { why: '--mfa-serial on keys already temporary', profile: 'temp', options: { mfaSerial: MFA }, message: ['profile "temp": --mfa-serial was given', 'no long-term keys or role'], kind: 'usage' },
    {
      why: '--mfa-serial on an SSO profile',
      files: { config: '[profile s]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Dev\n' },
      profile: 's',
      options: { mfaSerial: MFA },
      message: ['--mfa-serial was given'],
      hint: ['leave out --mfa-serial'],
      kind: 'usage',
    },

    // Sources this version cannot use yet.
    { why: 'SSO: an sso-session that does not exist', files: { config: '[profile s]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Dev\n' }, profile: 's', message: ['profile "s"', 'sso_session "corp", which does not exist'] },
    { why: 'an unknown credential_source', files: { config: `[profile c]\nrole_arn = ${ADMIN}\ncredential_source = Ec2\n` }, profile: 'c', message: ['credential_source = Ec2'], hint: ['Environment, Ec2InstanceMetadata or EcsContainer'] },
    { why: 'EcsContainer outside a container', files: { config: `[profile c]\nrole_arn = ${ADMIN}\ncredential_source = EcsContainer\n` }, profile: 'c', message: ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] },
    { why: 'Environment without keys in it', files: { config: `[profile c]\nrole_arn = ${ADMIN}\ncredential_source = Environment\n` }, profile: 'c', message: ['AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set'] },
    {
      why: 'an SSO source under a role, without its region',
      files: { config: `[profile s]\nsso_start_url = https://corp.awsapps.com/start\nsso_account_id = 111111111111\nsso_role_name = Dev\n[profile r]\n${roleOn('s')}` },
      profile: 'r',
      message: ['profile "s"', 'has no sso_region'],
      about: 's',
    },
  ])('$why', async ({ files = WORLD, profile, options, message, hint = [], about, kind = 'config' }) => {
    const config = await loadIni(files);
    const error = failureOf(() => resolve(profile, config, { env: {}, ...options }));
    expect(error.kind).toBe(kind);
    expect(error.profile).toBe(about ?? profile);
    // The profile asked for is named too, once, when the failure is at another one on the way.
    expect(error.options.requested ?? error.profile).toBe(profile);
    for (const fragment of message) expect(error.message).toContain(fragment);
    for (const fragment of hint) expect(error.hint).toContain(fragment);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe(`${resolve.name} is a function of its inputs`, () => {
  let config: AwsConfig;
  beforeAll(async () => {
    config = deepFreeze(await loadIni(WORLD));
  });

  it.each(['alice', 'bob', 'admin', 'deeper', 'self', 'from-temp'])('gives equal chains for equal inputs, without writing to them (%s)', (profile) => {
    const env = deepFreeze({ AWS_REGION: 'eu-north-1' });
    const first = resolve(profile, config, { env, durationSeconds: 1800 });
    const second = resolve(profile, config, { env, durationSeconds: 1800 });
    expect(second).toEqual(first);
    expect(first.steps.length).toBeGreaterThan(0);
  });

  it('fails the same way every time', () => {
    const first = failureOf(() => resolve('admn', config, { env: {} }));
    const second = failureOf(() => resolve('admn', config, { env: {} }));
    expect([second.message, second.hint]).toEqual([first.message, first.hint]);
  });

  it('reads no files: the chain is the same once they are gone', () => {
    const env = iniFiles(WORLD);
    const loaded = loadConfig(env, recordingLogger());
    const before = resolve('admin', loaded, { env });
    fs.rmSync(env.HOME!, { recursive: true, force: true });
    expect(resolve('admin', loaded, { env })).toEqual(before);
  });

  it('reads the environment it is given, not process.env', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { AWS_REGION: 'me-south-1', AWS_ENDPOINT_URL_STS: 'http://leak.local', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' });
      expect(resolve('admin', config, { env: {} }).steps).toEqual([alice, aliceSession, admin]);
    } finally {
      for (const key of ['AWS_REGION', 'AWS_ENDPOINT_URL_STS', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});

/** A source_profile chain through `profiles` profiles, p0 (asked for) → p1 → … → the last, which holds alice's keys. */
function chainConfig(profiles: number): IniTexts {
  const roles = Array.from({ length: profiles - 1 }, (_, i) => `[profile p${i}]\n${roleOn(`p${i + 1}`)}`);
  return { config: roles.join('\n'), credentials: `[p${profiles - 1}]\n${keyLines(KEYS.alice)}` };
}

// Regression (issue 13): a 10,000-deep chain was walked, described and keyed step by step for minutes.
describe(`${resolve.name} and deep chains`, () => {
  it(`a chain of ${MAX_CHAIN_PROFILES} profiles resolves, and its description and every step's cache key are made`, async () => {
    const chain = resolve('p0', await loadIni(chainConfig(MAX_CHAIN_PROFILES)), { env: {} });
    expect(chain.steps).toHaveLength(MAX_CHAIN_PROFILES);
    expect(chain.steps.map((step) => step.profile)).toEqual(Array.from({ length: MAX_CHAIN_PROFILES }, (_, i) => `p${MAX_CHAIN_PROFILES - 1 - i}`));
    expect(describeChain(chain).split('\n')).toHaveLength(MAX_CHAIN_PROFILES + 1);
    expect(new Set(chain.steps.map((_, i) => cacheKey(chain.steps, i))).size).toBe(MAX_CHAIN_PROFILES);
  });

  it.each([MAX_CHAIN_PROFILES + 1, 10_000])('a chain of %i profiles: a config error naming the bound and the start of the path, at once', async (profiles) => {
    const config = await loadIni(chainConfig(profiles));
    const error = failureOf(() => resolve('p0', config, { env: {} }));
    expect(error.kind).toBe('config');
    expect(error.message).toBe(`profile "p0": has a source_profile chain of more than ${MAX_CHAIN_PROFILES} profiles: p0 → p1 → p2 → … → p${MAX_CHAIN_PROFILES} → …`);
    expect(error.hint).toContain(`awsenv follows at most ${MAX_CHAIN_PROFILES}`);
  });

  it('a cycle longer than the bound is reported as a chain too long', async () => {
    const texts = chainConfig(MAX_CHAIN_PROFILES + 10);
    const config = await loadIni({ config: `${texts.config}\n[profile p${MAX_CHAIN_PROFILES + 9}]\n${roleOn('p0')}` });
    expect(failureOf(() => resolve('p0', config, { env: {} })).message).toContain(`more than ${MAX_CHAIN_PROFILES} profiles`);
  });

  it('the sign-in lookup of logout and login walks the same bounded chain', async () => {
    const config = await loadIni(chainConfig(10_000));
    expect(() => signInSessionOf('p0', config, {})).toThrow(`more than ${MAX_CHAIN_PROFILES} profiles`);
  });
});
