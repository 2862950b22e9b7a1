import type { AssumeRoleStep, SessionTokenStep, StaticStep } from '../../src/chain/types';
import type { IniTexts } from '../support/iniFiles';
import { ALICE, BOB } from '../support/world';

/** The people, devices and roles the resolve tests share, as INI text and as the steps it should become. */

export const MFA = ALICE.mfaSerial;
export const YUBIKEY = 'arn:aws:iam::111111111111:mfa/alice-yubikey';
export const BOB_MFA = BOB.mfaSerial;
export const ADMIN = 'arn:aws:iam::222222222222:role/admin';
export const READONLY = 'arn:aws:iam::333333333333:role/readonly';
export const DEEP = 'arn:aws:iam::444444444444:role/deep';
export const PARTNER = 'arn:aws:iam::555555555555:role/partner';
export const DEEPER = 'arn:aws:iam::777777777777:role/deeper';
export const SELF = 'arn:aws:iam::888888888888:role/self';

export const KEYS = {
  alice: { accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey },
  bob: { accessKeyId: BOB.accessKeyId, secretAccessKey: BOB.secretAccessKey },
  temp: { accessKeyId: 'ASIATEMP000000000001', secretAccessKey: 'temp/secret+key0000000000000000000000000', sessionToken: 'temp-session-token' },
  self: { accessKeyId: 'AKIASELF000000000001', secretAccessKey: 'self/secret+key0000000000000000000000000' },
};

export const keyLines = (keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
  `aws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n` +
  (keys.sessionToken ? `aws_session_token = ${keys.sessionToken}\n` : '');

/** The IAM-user profiles in one pair of files: alice and bob are IAM users, temp holds keys already temporary. */
export const WORLD: IniTexts = {
  credentials: `
[alice]
${keyLines(KEYS.alice)}
[bob]
${keyLines(KEYS.bob)}
[temp]
${keyLines(KEYS.temp)}`,
  config: `
[profile alice]
region = eu-west-1

[profile bob]
mfa_serial = ${BOB_MFA}

[profile admin]
role_arn = ${ADMIN}
source_profile = alice
mfa_serial = ${MFA}
region = eu-central-1

[profile readonly]
role_arn = ${READONLY}
source_profile = alice
mfa_serial = ${MFA}

[profile deep]
role_arn = ${DEEP}
source_profile = admin
role_session_name = deep-dive

[profile deeper]
role_arn = ${DEEPER}
source_profile = deep
mfa_serial = ${MFA}

[profile yubikey-deep]
role_arn = ${DEEPER}
source_profile = deep
mfa_serial = ${YUBIKEY}

[profile from-temp]
role_arn = ${ADMIN}
source_profile = temp
mfa_serial = ${MFA}

[profile partner]
role_arn = ${PARTNER}
source_profile = alice
external_id = partner-ext-42
source_identity = alice
role_session_name = alice@partner
duration_seconds = 1800

[profile bob-admin]
role_arn = ${ADMIN}
source_profile = bob

[profile bob-same-device]
role_arn = ${ADMIN}
source_profile = bob
mfa_serial = ${BOB_MFA}

[profile bob-yubikey]
role_arn = ${ADMIN}
source_profile = bob
mfa_serial = ${YUBIKEY}

[profile self]
role_arn = ${SELF}
source_profile = self
mfa_serial = ${MFA}
region = us-west-2
${keyLines(KEYS.self)}`,
};

// The steps, as values. STS goes to us-east-1 unless the step's own profile names a region.
export const US_EAST_1 = { region: 'us-east-1' };
export const alice: StaticStep = { kind: 'static', profile: 'alice', ...KEYS.alice };
export const bob: StaticStep = { kind: 'static', profile: 'bob', ...KEYS.bob };
export const temp: StaticStep = { kind: 'static', profile: 'temp', ...KEYS.temp };
export const aliceSession: SessionTokenStep = { kind: 'sessionToken', profile: 'alice', mfaSerial: MFA, durationSeconds: 43200, sts: { region: 'eu-west-1' } };
export const bobSession: SessionTokenStep = { kind: 'sessionToken', profile: 'bob', mfaSerial: BOB_MFA, durationSeconds: 43200, sts: US_EAST_1 };
export const admin: AssumeRoleStep = { kind: 'assumeRole', profile: 'admin', roleArn: ADMIN, sts: { region: 'eu-central-1' } };
export const deep: AssumeRoleStep = { kind: 'assumeRole', profile: 'deep', roleArn: DEEP, roleSessionName: 'deep-dive', sts: US_EAST_1 };
export const roleFromBob = (profile: string, mfaSerial?: string): AssumeRoleStep => ({ kind: 'assumeRole', profile, roleArn: ADMIN, mfaSerial, sts: US_EAST_1 });
