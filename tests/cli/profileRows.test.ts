import type { Profile } from '../../src/config/profile';
import { profileKind, profileRows } from '../../src/cli/profileRows';
import { loadIni, removeIniFiles } from '../support/iniFiles';

const KEYS = { aws_access_key_id: 'AKIAEXAMPLE000000001', aws_secret_access_key: 'example/secret' };
const ROLE = 'arn:aws:iam::222222222222:role/admin';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';

describe(profileKind.name, () => {
  it.each<{ kind: string; profile: Profile; why: string }>([
    { kind: 'static', profile: KEYS, why: 'keys alone' },
    { kind: 'static', profile: { ...KEYS, aws_session_token: 'token' }, why: 'temporary keys' },
    { kind: 'static', profile: { ...KEYS, aws_session_token: 'token', mfa_serial: MFA }, why: 'temporary keys with mfa_serial: already a session' },
    { kind: 'mfa-session', profile: { ...KEYS, mfa_serial: MFA }, why: 'long-term keys with mfa_serial' },
    { kind: 'none', profile: { aws_access_key_id: KEYS.aws_access_key_id }, why: 'half a key pair' },
    { kind: 'none', profile: { region: 'eu-west-1' }, why: 'no source at all' },
    { kind: 'role', profile: { role_arn: ROLE, source_profile: 'alice' }, why: 'role with source_profile' },
    { kind: 'role', profile: { role_arn: ROLE, credential_source: 'Environment' }, why: 'role with credential_source' },
    { kind: 'role', profile: { role_arn: ROLE }, why: 'role without a source' },
    { kind: 'role', profile: { role_arn: ROLE, source_profile: 'alice', web_identity_token_file: '/t' }, why: 'a source beats web identity' },
    { kind: 'web-identity', profile: { role_arn: ROLE, web_identity_token_file: '/t' }, why: 'role with token file' },
    { kind: 'web-identity', profile: { role_arn: ROLE, web_identity_token_file: '/t', sso_session: 'corp' }, why: 'web identity beats SSO' },
    { kind: 'sso', profile: { sso_session: 'corp', sso_account_id: '111111111111', sso_role_name: 'Dev' }, why: 'sso-session reference' },
    { kind: 'sso', profile: { sso_start_url: 'https://corp.awsapps.com/start' }, why: 'legacy SSO' },
    { kind: 'sso', profile: { ...KEYS, sso_account_id: '111111111111' }, why: 'SSO beats keys' },
    { kind: 'process', profile: { credential_process: '/bin/creds' }, why: 'credential_process alone' },
    // resolve() takes the keys when both are written (keys before credential_process, as the SDKs do);
    // profileKind reads the same precedence table as "the same way resolve() decides which source wins".
    { kind: 'static', profile: { ...KEYS, credential_process: '/bin/creds' }, why: 'keys beat credential_process' },
    { kind: 'mfa-session', profile: { ...KEYS, mfa_serial: MFA, credential_process: '/bin/creds' }, why: 'MFA keys beat credential_process' },
  ])('$kind: $why', ({ kind, profile }) => {
    expect(profileKind(profile)).toBe(kind);
  });
});


describe(profileRows.name, () => {
  afterAll(removeIniFiles);

  it('gives every profile of both files, sorted, with its kind, account and region; a broken one as invalid', () => {
    const config = loadIni({
      config: `[profile web]\nrole_arn = ${ROLE}\nsource_profile = alice\nregion = eu-west-1\n[profile broken]\nduration_seconds = soon\n[profile dev]\nsso_session = corp\nsso_account_id = 555555555555\nsso_role_name = Dev\nregion = us-east-2\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n`,
      credentials: `[alice]\naws_access_key_id = ${KEYS.aws_access_key_id}\naws_secret_access_key = s\nmfa_serial = ${MFA}\n`,
    });
    expect(profileRows(config)).toEqual([
      { name: 'alice', kind: 'mfa-session', account: '111111111111', region: undefined },
      { name: 'broken', kind: 'invalid' },
      { name: 'dev', kind: 'sso', account: '555555555555', region: 'us-east-2' },
      { name: 'web', kind: 'role', account: '222222222222', region: 'eu-west-1' },
    ]);
  });
});
