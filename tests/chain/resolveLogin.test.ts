import { resolve } from '../../src/chain/resolve';
import { sourceKind } from '../../src/chain/sourceKind';
import type { Step } from '../../src/chain/types';
import { loadIni, removeIniFiles } from '../support/iniFiles';
import { CONSOLE_SESSION as SESSION, DEPLOY_ROLE as ROLE, LOGIN_CONFIG } from '../support/loginWorld';

afterAll(removeIniFiles);

const CONFIG = `${LOGIN_CONFIG}
[profile both]
login_session = ${SESSION}
credential_process = /bin/creds
`;
const CREDENTIALS = '[keys-win]\naws_access_key_id = AKIAKEYS\naws_secret_access_key = secret\nlogin_session = x\n';
const login = (signin: object = { region: 'eu-west-1' }): Step => ({ kind: 'login', profile: 'console', loginSession: SESSION, signin } as Step);
const role = (profile: string, region = 'us-east-1'): Step => ({ kind: 'assumeRole', profile, roleArn: ROLE, sts: { region } });

describe('resolve: login_session', () => {
  test.each<[string, string, NodeJS.ProcessEnv, Step[]]>([
    ['the sign-in itself, refreshed in the profile\'s region unless the file names another', 'console', {}, [login()]],
    ['AWS_ENDPOINT_URL_SIGNIN reaches the refresh, as in the SDKs', 'console', { AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:9/' }, [login({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9/' })]],
    ['a role sourced from it', 'deploy', {}, [login(), role('deploy')]],
    ['a role two profiles up', 'deeper', {}, [login(), role('deploy'), role('deeper', 'us-west-2')]],
    ['a login_session beside credential_process wins, as in botocore', 'both', {}, [{ kind: 'login', profile: 'both', loginSession: SESSION, signin: { region: 'us-east-1' } }]],
    ['keys beside a login_session win, as in botocore and the JS SDK', 'keys-win', {}, [{ kind: 'static', profile: 'keys-win', accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret' }]],
  ])('%s', async (_why, profile, env, steps) => {
    expect(resolve(profile, loadIni({ config: CONFIG, credentials: CREDENTIALS }), { env }).steps).toEqual(steps);
  });

  test('an empty login_session is a configuration error before any call', () => {
    expect(() => resolve('bad', loadIni({ config: '[profile bad]\nlogin_session =\n' }), { env: {} })).toThrow('login_session is empty');
  });

  test('a role with a source wins over a login_session beside it', () => {
    expect(sourceKind({ role_arn: ROLE, source_profile: 'x', login_session: SESSION })).toBe('role');
    expect(sourceKind({ login_session: SESSION })).toBe('login');
  });
});
