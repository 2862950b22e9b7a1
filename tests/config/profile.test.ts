import type { Section } from '../../src/config/mergeSharedFiles';
import { hasStaticKeys, parseProfile, usesSso } from '../../src/config/profile';

const KEYS = { aws_access_key_id: 'AKIAEXAMPLE000000001', aws_secret_access_key: 'example/secret' };

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
