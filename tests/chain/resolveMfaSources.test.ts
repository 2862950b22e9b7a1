import { resolve } from '../../src/chain/resolve';
import type { Step } from '../../src/chain/types';
import { loadIni, removeIniFiles } from '../support/iniFiles';

/**
 * Keys from credential_process and from the environment (credential_source = Environment) take an MFA session as
 * keys in the credentials file do: one GetSessionToken for every role on them, and their mfa_serial is heard.
 */

afterAll(removeIniFiles);

const ADMIN = 'arn:aws:iam::222222222222:role/admin';
const READONLY = 'arn:aws:iam::333333333333:role/readonly';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const US = { region: 'us-east-1' };
const COMMAND = 'vault-creds alice';
const proc: Step = { kind: 'process', profile: 'proc', command: COMMAND };
const procSession: Step = { kind: 'sessionToken', profile: 'proc', mfaSerial: MFA, durationSeconds: 43200, sts: US };
const role = (profile: string, roleArn = ADMIN, extra: object = {}): Step => ({ kind: 'assumeRole', profile, roleArn, sts: US, ...extra });
const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'envsecret' };
const envKeys = (profile: string, extra: object = {}): Step => ({ kind: 'static', profile: `${profile} (environment)`, accessKeyId: 'AKIAENV', secretAccessKey: 'envsecret', ...extra });

const CONFIG = `
[profile proc]
credential_process = ${COMMAND}

[profile proc-mfa]
credential_process = ${COMMAND}
mfa_serial = ${MFA}
duration_seconds = 3600

[profile admin]
role_arn = ${ADMIN}
source_profile = proc
mfa_serial = ${MFA}

[profile readonly]
role_arn = ${READONLY}
source_profile = proc
mfa_serial = ${MFA}

[profile long]
role_arn = ${ADMIN}
source_profile = proc
mfa_serial = ${MFA}
duration_seconds = 7200

[profile no-mfa]
role_arn = ${ADMIN}
source_profile = proc-mfa

[profile env-admin]
role_arn = ${ADMIN}
credential_source = Environment
mfa_serial = ${MFA}
`;

describe('resolve: MFA sessions from credential_process and the environment', () => {
  test.each<[string, string, NodeJS.ProcessEnv, Step[]]>([
    ['credential_process with mfa_serial, asked for: an MFA session from its keys', 'proc-mfa', {}, [{ ...proc, profile: 'proc-mfa' }, { ...procSession, profile: 'proc-mfa', durationSeconds: 3600 }]],
    ['a role on credential_process keys: one MFA session for the source, the role call without a code', 'admin', {}, [proc, procSession, role('admin')]],
    ['a second role on them shares the same session step', 'readonly', {}, [proc, procSession, role('readonly', READONLY)]],
    ['a role asked to last over an hour takes the code on its own call', 'long', {}, [proc, role('long', ADMIN, { mfaSerial: MFA, durationSeconds: 7200 })]],
    ['a source gives its keys and nothing more: its own mfa_serial is not the role\'s', 'no-mfa', {}, [{ ...proc, profile: 'proc-mfa' }, role('no-mfa')]],
    ['credential_source = Environment: one MFA session for the environment\'s keys', 'env-admin', ENV_KEYS, [envKeys('env-admin'), { ...procSession, profile: 'env-admin (environment)' }, role('env-admin')]],
    ['credential_source = Environment with a session token: the code on the role call', 'env-admin', { ...ENV_KEYS, AWS_SESSION_TOKEN: 'tok' }, [envKeys('env-admin', { sessionToken: 'tok' }), role('env-admin', ADMIN, { mfaSerial: MFA })]],
  ])('%s', async (_why, profile, env, steps) => {
    expect(resolve(profile, await loadIni({ config: CONFIG }), { env }).steps).toEqual(steps);
  });

  test('--mfa-serial on a credential_process profile gives it an MFA session', async () => {
    expect(resolve('proc', await loadIni({ config: CONFIG }), { env: {}, mfaSerial: MFA }).steps).toEqual([proc, procSession]);
  });

  test('the decision names the credential_process', async () => {
    const chain = resolve('proc-mfa', await loadIni({ config: CONFIG }), { env: {} });
    expect(chain.decisions).toEqual([`MFA: the code for ${MFA} goes to GetSessionToken for the keys the credential_process of "proc-mfa" gives, the profile asked for`]);
  });
});
