import type { Section } from '../../src/config/loadConfig';
import { hasStaticKeys, parseProfile, profileKind, usesSso, type Profile } from '../../src/config/profile';

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
    // profileKind's own doc says it decides "the same way resolve() decides which source wins".
    { kind: 'static', profile: { ...KEYS, credential_process: '/bin/creds' }, why: 'keys beat credential_process' },
    { kind: 'mfa-session', profile: { ...KEYS, mfa_serial: MFA, credential_process: '/bin/creds' }, why: 'MFA keys beat credential_process' },
  ])('$kind: $why', ({ kind, profile }) => {
    expect(profileKind(profile)).toBe(kind);
  });
});

describe(parseProfile.name, () => {
  it('trims values and reads duration_seconds as a number', () => {
    expect(parseProfile({ region: '  eu-west-1 ', duration_seconds: ' 3600 ' })).toEqual({
      ok: true,
      profile: { region: 'eu-west-1', duration_seconds: 3600 },
    });
  });

  it('keeps keys it does not know, for other tools sharing the file', () => {
    const parsed = parseProfile({ ...KEYS, cli_pager: '', s3: 'max_concurrent_requests' });
    expect(parsed).toEqual({ ok: true, profile: { ...KEYS, cli_pager: '', s3: 'max_concurrent_requests' } });
  });

  it.each<{ section: Section; key: string; says: string }>([
    { section: { duration_seconds: '1h' }, key: 'duration_seconds', says: 'whole number of seconds' },
    { section: { duration_seconds: '-900' }, key: 'duration_seconds', says: 'whole number of seconds' },
    { section: { region: '   ' }, key: 'region', says: '' },
    { section: { ...KEYS, role_arn: ' ' }, key: 'role_arn', says: '' },
  ])('names the bad key $key', ({ section, key, says }) => {
    const parsed = parseProfile(section);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.startsWith(`${key} `)).toBe(true);
    expect(parsed.problem).toContain(says);
  });
});

describe(hasStaticKeys.name, () => {
  it.each([
    { profile: KEYS, has: true },
    { profile: { aws_access_key_id: KEYS.aws_access_key_id }, has: false },
    { profile: { aws_secret_access_key: KEYS.aws_secret_access_key }, has: false },
    { profile: {}, has: false },
  ])('is $has for $profile', ({ profile, has }) => {
    expect(hasStaticKeys(profile)).toBe(has);
  });
});

describe(usesSso.name, () => {
  it.each([
    { profile: { sso_session: 'corp' }, uses: true },
    { profile: { sso_start_url: 'https://corp.awsapps.com/start' }, uses: true },
    { profile: { sso_account_id: '111111111111' }, uses: true },
    // sso_region or sso_role_name alone name no sign-in to do.
    { profile: { sso_region: 'eu-west-1', sso_role_name: 'Dev' }, uses: false },
    { profile: KEYS, uses: false },
  ])('is $uses for $profile', ({ profile, uses }) => {
    expect(usesSso(profile)).toBe(uses);
  });
});
