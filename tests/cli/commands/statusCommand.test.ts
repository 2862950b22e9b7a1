import { AwsenvError } from '../../../src/core/errors';
import { exportedCredentials, statusJson, statusTarget, statusText, type Exported } from '../../../src/cli/commands/statusCommand';

const KEYS = { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE000000001', AWS_SECRET_ACCESS_KEY: 'example/secret', AWS_SESSION_TOKEN: 'token' };
const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const IDENTITY = { account: '222222222222', arn: 'arn:aws:sts::222222222222:assumed-role/admin/awsenv-1', userId: 'AROAEXAMPLE:awsenv-1' };

function refusal(env: Record<string, string>): AwsenvError {
  try {
    exportedCredentials(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsenvError);
    return error as AwsenvError;
  }
  throw new Error('not refused');
}

describe(exportedCredentials.name, () => {
  it('reads what an export sets', () => {
    expect(exportedCredentials({ ...KEYS, AWS_CREDENTIAL_EXPIRATION: '2026-11-25T12:42:00Z', AWSENV_PROFILE: 'admin', AWS_REGION: 'eu-central-1' })).toEqual({
      credentials: { accessKeyId: KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: KEYS.AWS_SECRET_ACCESS_KEY, sessionToken: 'token', expiration: new Date('2026-11-25T12:42:00Z') },
      profile: 'admin',
      region: 'eu-central-1',
    });
  });

  it('takes keys set by something else, without a profile, token or expiry', () => {
    expect(exportedCredentials({ AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's', AWS_DEFAULT_REGION: 'us-west-2' })).toEqual({
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 's', sessionToken: undefined, expiration: undefined },
      profile: '',
      region: 'us-west-2',
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['nothing exported', {}, /^no credentials are exported in this shell/],
    ['a profile whose keys were unset by hand', { AWSENV_PROFILE: 'admin' }, /^AWSENV_PROFILE is set, but AWS_ACCESS_KEY_ID is not/],
    ['half a key pair', { AWS_ACCESS_KEY_ID: 'AKIA' }, /^AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY$/],
    ['an expiry that is not a time', { ...KEYS, AWS_CREDENTIAL_EXPIRATION: 'soon' }, /^AWS_CREDENTIAL_EXPIRATION is not a time: "soon"$/],
  ])('%s: a configuration error (exit 3) with a hint', (_why, env, detail) => {
    const error = refusal(env);
    expect([error.kind, error.detail]).toEqual(['config', expect.stringMatching(detail)]);
    expect(error.hint).toMatch(/awsuse PROFILE/);
  });
});

describe(statusTarget.name, () => {
  it.each<[Record<string, string>, object]>([
    [{}, { region: 'us-east-1' }],
    [{ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }, { region: 'eu-west-1' }],
    [{ AWS_DEFAULT_REGION: 'us-west-2' }, { region: 'us-west-2' }],
    [{ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://sts' }, { region: 'us-east-1', endpoint: 'http://sts' }],
    [{ AWS_ENDPOINT_URL: 'http://a' }, { region: 'us-east-1', endpoint: 'http://a' }],
    [{ AWS_ENDPOINT_URL_STS: 'http://sts', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, { region: 'us-east-1' }],
  ])('%j', (env, target) => {
    expect(statusTarget(env)).toEqual(target);
  });
});

describe('the status', () => {
  const role: Exported = { credentials: { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: new Date(NOW.getTime() + 42 * 60e3) }, profile: 'admin', region: 'eu-central-1' };
  const keys: Exported = { credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' }, profile: '' };
  const clock = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

  it('for a person: profile, account, identity, expiry and region, one a line', () => {
    expect(statusText(role, IDENTITY, NOW)).toBe(
      [
        'profile:  admin',
        'account:  222222222222',
        `identity: ${IDENTITY.arn}`,
        `expires:  ${clock(role.credentials.expiration!)} (2026-11-25T12:42:00Z), 42m left`,
        'region:   eu-central-1',
        '',
      ].join('\n'),
    );
  });

  it('for a person, keys awsenv did not export', () => {
    expect(statusText(keys, { ...IDENTITY, arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111' }, NOW)).toBe(
      [
        'profile:  (none: these credentials were not exported by awsenv)',
        'account:  111111111111',
        'identity: arn:aws:iam::111111111111:user/alice',
        'expires:  never (long-term keys)',
        'region:   (not set)',
        '',
      ].join('\n'),
    );
  });

  it('as JSON, with null for what is not there', () => {
    expect(statusJson(role, IDENTITY, NOW)).toEqual({ profile: 'admin', ...IDENTITY, region: 'eu-central-1', expiration: '2026-11-25T12:42:00Z', secondsLeft: 2520 });
    expect(statusJson(keys, IDENTITY, NOW)).toEqual({ profile: null, ...IDENTITY, region: null, expiration: null, secondsLeft: null });
  });
});
