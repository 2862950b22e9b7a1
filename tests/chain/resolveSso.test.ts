import { START_URL } from '../support/world';
import { resolve } from '../../src/chain/resolve';
import { signInSessionOf } from '../../src/chain/signInSession';
import type { Step } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const START = START_URL;
const ROLE = 'arn:aws:iam::222222222222:role/admin';
const CONFIG = `
[sso-session corp]
sso_start_url = ${START}
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Developer
region = eu-central-1

[profile legacy]
sso_start_url = ${START}
sso_region = us-east-2
sso_account_id = 111111111111
sso_role_name = ReadOnly

[profile admin]
role_arn = ${ROLE}
source_profile = dev

[profile login-only]
sso_session = corp

[profile mismatch]
sso_session = corp
sso_start_url = https://other.awsapps.com/start
sso_account_id = 111111111111
sso_role_name = Developer

[profile no-role]
sso_session = corp
sso_account_id = 111111111111

[profile keys]
aws_access_key_id = AKIA
aws_secret_access_key = secret
`;

const session = { name: 'corp', startUrl: START, region: 'eu-west-1', scopes: ['sso:account:access'], oidc: { region: 'eu-west-1' }, portal: { region: 'eu-west-1' } };
const devStep: Step = { kind: 'sso', profile: 'dev', accountId: '111111111111', roleName: 'Developer', session };

describe('resolve with IAM Identity Center', () => {
  test.each<[string, string, NodeJS.ProcessEnv, Step[]]>([
    ['an sso-session profile', 'dev', {}, [devStep]],
    [
      'a legacy profile',
      'legacy',
      {},
      [{ kind: 'sso', profile: 'legacy', accountId: '111111111111', roleName: 'ReadOnly', session: { startUrl: START, region: 'us-east-2', oidc: { region: 'us-east-2' }, portal: { region: 'us-east-2' } } }],
    ],
    ['switch role on top of SSO', 'admin', {}, [devStep, { kind: 'assumeRole', profile: 'admin', roleArn: ROLE, sts: { region: 'us-east-1' } }]],
    [
      'the SSO endpoints from the environment',
      'dev',
      { AWS_ENDPOINT_URL_SSO: 'http://portal.local', AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc.local' },
      [{ ...devStep, session: { ...session, oidc: { region: 'eu-west-1', endpoint: 'http://oidc.local' }, portal: { region: 'eu-west-1', endpoint: 'http://portal.local' } } } as Step],
    ],
  ])('%s', async (_why, profile, env, steps) => {
    const chain = resolve(profile, await loadIni({ config: CONFIG }), { env });
    expect(chain.steps).toEqual(steps);
  });

  test.each([
    ['mismatch', 'sso_start_url = https://other.awsapps.com/start, but its sso-session "corp" says'],
    ['no-role', 'has no sso_role_name'],
    ['login-only', 'has no sso_account_id or sso_role_name'],
  ])('profile %s is refused: %s', async (profile, message) => {
    const config = await loadIni({ config: CONFIG });
    let error: unknown;
    try {
      resolve(profile, config, { env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsenvError);
    expect((error as AwsenvError).kind).toBe('config');
    expect((error as AwsenvError).message).toContain(message);
  });
});

describe(signInSessionOf.name, () => {
  test.each(['dev', 'admin', 'login-only'])('%s signs in through sso-session corp', async (profile) => {
    expect(signInSessionOf(profile, await loadIni({ config: CONFIG }), {})).toEqual(session);
  });

  test('a profile with keys has no sign-in', async () => {
    expect(() => signInSessionOf('keys', CONFIG_PARSED, {})).toThrow('profile "keys": does not sign in with IAM Identity Center');
  });
});

let CONFIG_PARSED: Awaited<ReturnType<typeof loadIni>>;
beforeAll(async () => {
  CONFIG_PARSED = await loadIni({ config: CONFIG });
});

describe('awsenv_sign_in_flow in the sso-session section', () => {
  const withFlow = (value: string) => CONFIG.replace('sso_registration_scopes = sso:account:access\n', `$&awsenv_sign_in_flow = ${value}\n`);

  test.each<[string, string | undefined]>([
    ['device-code', 'deviceCode'],
    ['authorization-code', 'authCode'],
    [' Device-Code ', 'deviceCode'],
    // The default, said out loud: the machine decides, and the session (and so the cache key) is as without the key.
    ['auto', undefined],
  ])('%j', async (value, signInFlow) => {
    const found = signInSessionOf('dev', await loadIni({ config: withFlow(value) }), {});
    expect(found).toEqual(signInFlow ? { ...session, signInFlow } : session);
  });

  test('another value is a configuration error naming the profile, the session and the values', async () => {
    const config = await loadIni({ config: withFlow('browser') });
    expect(() => resolve('dev', config, { env: {} })).toThrow('profile "dev": its sso-session "corp" has awsenv_sign_in_flow = browser');
  });
});
