import { resolve } from '../../src/chain/resolve';
import { resolveAdHoc, resolveEnvWebIdentity } from '../../src/chain/resolveAdHoc';
import type { Step } from '../../src/chain/types';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const ROLE = 'arn:aws:iam::222222222222:role/ci';
const US = { region: 'us-east-1' };
const role = (profile: string, extra: object = {}): Step => ({ kind: 'assumeRole', profile, roleArn: ROLE, sts: US, ...extra });

const CONFIG = `
[profile wif]
role_arn = ${ROLE}
web_identity_token_file = /var/run/token
role_session_name = eks

[profile proc]
credential_process = /usr/bin/creds --profile "a b"

[profile from-env]
role_arn = ${ROLE}
credential_source = Environment

[profile from-imds]
role_arn = ${ROLE}
credential_source = Ec2InstanceMetadata

[profile from-ecs]
role_arn = ${ROLE}
credential_source = EcsContainer
`;
const CREDENTIALS = '[keys]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = secret\n';
const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'envsecret' };

describe('resolve: the CI sources', () => {
  test.each<[string, string, NodeJS.ProcessEnv, Step[]]>([
    ['a web identity profile', 'wif', {}, [{ kind: 'webIdentity', profile: 'wif', roleArn: ROLE, roleSessionName: 'eks', token: { source: 'file', path: '/var/run/token' }, sts: US }]],
    ['credential_process', 'proc', {}, [{ kind: 'process', profile: 'proc', command: '/usr/bin/creds --profile "a b"' }]],
    ['credential_source = Environment', 'from-env', ENV_KEYS, [{ kind: 'static', profile: 'from-env (environment)', accessKeyId: 'AKIAENV', secretAccessKey: 'envsecret' }, role('from-env')]],
    ['credential_source = Ec2InstanceMetadata', 'from-imds', {}, [{ kind: 'instanceMetadata', profile: 'from-imds' }, role('from-imds')]],
    ['credential_source = EcsContainer', 'from-ecs', { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' }, [{ kind: 'container', profile: 'from-ecs' }, role('from-ecs')]],
  ])('%s', async (_why, profile, env, steps) => {
    expect(resolve(profile, await loadIni({ config: CONFIG, credentials: CREDENTIALS }), { env }).steps).toEqual(steps);
  });

  test('Ec2InstanceMetadata with AWS_EC2_METADATA_DISABLED is refused before any call', async () => {
    const config = await loadIni({ config: CONFIG });
    expect(() => resolve('from-imds', config, { env: { AWS_EC2_METADATA_DISABLED: 'true' } })).toThrow('AWS_EC2_METADATA_DISABLED is true');
  });
});

describe(resolveAdHoc.name, () => {
  const GITHUB = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://gh/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req', GITHUB_REPOSITORY: 'org/app', GITHUB_RUN_ID: '42' };
  test.each<[string, Parameters<typeof resolveAdHoc>[0], NodeJS.ProcessEnv, Step[]]>([
    ['from a source profile', { roleArn: ROLE, sourceProfile: 'keys' }, {}, [{ kind: 'static', profile: 'keys', accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret' }, role(ROLE)]],
    ['from the environment\'s keys', { roleArn: ROLE }, ENV_KEYS, [{ kind: 'static', profile: `${ROLE} (environment)`, accessKeyId: 'AKIAENV', secretAccessKey: 'envsecret' }, role(ROLE)]],
    [
      'GitHub OIDC, with a session name from the run',
      { roleArn: ROLE, webIdentity: 'github' },
      GITHUB,
      [{ kind: 'webIdentity', profile: ROLE, roleArn: ROLE, roleSessionName: 'gha-app-42', token: { source: 'github', audience: 'sts.amazonaws.com' }, sts: US }],
    ],
    ['a token file', { roleArn: ROLE, webIdentity: '/tmp/t', roleSessionName: 'job' }, {}, [{ kind: 'webIdentity', profile: ROLE, roleArn: ROLE, roleSessionName: 'job', token: { source: 'file', path: '/tmp/t' }, sts: US }]],
  ])('%s', async (_why, adHoc, env, steps) => {
    expect(resolveAdHoc(adHoc, await loadIni({ config: CONFIG, credentials: CREDENTIALS }), { env }).steps).toEqual(steps);
  });

  test.each<[string, Parameters<typeof resolveAdHoc>[0], NodeJS.ProcessEnv, string]>([
    ['GitHub OIDC outside a job that may ask for a token', { roleArn: ROLE, webIdentity: 'github' }, {}, 'ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
    ['no source at all', { roleArn: ROLE }, {}, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set'],
    ['not a role ARN', { roleArn: 'arn:aws:iam::1:user/x', webIdentity: '/tmp/t' }, {}, 'is not an IAM role ARN'],
  ])('refuses %s', async (_why, adHoc, env, message) => {
    const config = await loadIni({ config: CONFIG });
    expect(() => resolveAdHoc(adHoc, config, { env })).toThrow(message);
  });
});

describe(resolveEnvWebIdentity.name, () => {
  test('the environment pair gives a web identity chain named after the role', async () => {
    const chain = resolveEnvWebIdentity(await loadIni({ config: CONFIG }), { env: { AWS_ROLE_ARN: ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_SESSION_NAME: 'pod' } });
    expect(chain?.steps).toEqual([{ kind: 'webIdentity', profile: ROLE, roleArn: ROLE, roleSessionName: 'pod', token: { source: 'file', path: '/t' }, sts: US }]);
  });

  test('half the pair is no pair', async () => {
    expect(resolveEnvWebIdentity(await loadIni({ config: CONFIG }), { env: { AWS_ROLE_ARN: ROLE } })).toBeUndefined();
  });
});
