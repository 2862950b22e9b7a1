import { exportPlan, unsetPlan, EXPORTED_NAMES } from '../../src/render/plan';
import { isoSeconds } from '../../src/core/time';

describe(exportPlan.name, () => {
  const expiration = new Date('2030-01-02T03:04:05.678Z');

  test('sets the credentials, region and profile name, and unsets the profile variables and the old token name', () => {
    expect(exportPlan({ accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration }, 'dev', 'eu-west-1')).toEqual([
      ['AWS_ACCESS_KEY_ID', 'ASIA1'],
      ['AWS_SECRET_ACCESS_KEY', 's'],
      ['AWS_SESSION_TOKEN', 't'],
      ['AWS_SECURITY_TOKEN', null],
      ['AWS_CREDENTIAL_EXPIRATION', '2030-01-02T03:04:05Z'],
      ['AWS_REGION', 'eu-west-1'],
      ['AWS_DEFAULT_REGION', 'eu-west-1'],
      ['AWSENV_PROFILE', 'dev'],
      ['AWS_PROFILE', null],
      ['AWS_DEFAULT_PROFILE', null],
    ]);
  });

  test('long-term keys unset a previous token and expiration; without a region the region is left alone', () => {
    expect(exportPlan({ accessKeyId: 'AKIA1', secretAccessKey: 's' }, 'dev', undefined)).toEqual([
      ['AWS_ACCESS_KEY_ID', 'AKIA1'],
      ['AWS_SECRET_ACCESS_KEY', 's'],
      ['AWS_SESSION_TOKEN', null],
      ['AWS_SECURITY_TOKEN', null],
      ['AWS_CREDENTIAL_EXPIRATION', null],
      ['AWSENV_PROFILE', 'dev'],
      ['AWS_PROFILE', null],
      ['AWS_DEFAULT_PROFILE', null],
    ]);
  });

  test('sets only names that the unset plan clears', () => {
    const set = exportPlan({ accessKeyId: 'a', secretAccessKey: 's', sessionToken: 't', expiration }, 'p', 'r').filter(([, value]) => value !== null);
    expect(set.map(([name]) => name).filter((name) => !(EXPORTED_NAMES as readonly string[]).includes(name))).toEqual([]);
  });
});

describe(unsetPlan.name, () => {
  test('unsets every exported name, in order', () => {
    expect(unsetPlan()).toEqual(EXPORTED_NAMES.map((name) => [name, null]));
  });
});

describe(isoSeconds.name, () => {
  test.each([
    ['2030-01-02T03:04:05.678Z', '2030-01-02T03:04:05Z'],
    ['2030-01-02T03:04:05.000Z', '2030-01-02T03:04:05Z'],
    ['1999-12-31T23:59:59.999Z', '1999-12-31T23:59:59Z'],
  ])('%s → %s', (iso, expected) => {
    expect(isoSeconds(new Date(iso))).toBe(expected);
  });
});
