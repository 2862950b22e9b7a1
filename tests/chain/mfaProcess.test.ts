import { resolve } from '../../src/chain/resolve';
import type { Step } from '../../src/chain/types';
import { loadIni, removeIniFiles } from '../support/iniFiles';

/** mfa_process: which step's code it gives, its own or inherited from the source profile. */

afterAll(removeIniFiles);

const ADMIN = 'arn:aws:iam::222222222222:role/admin';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const OTHER = 'arn:aws:iam::111111111111:mfa/other';
const YKMAN = "ykman oath accounts code --single 'AWS:alice'";
const US = { region: 'us-east-1' };
const keys: Step = { kind: 'static', profile: 'alice', accessKeyId: 'AKIAALICE', secretAccessKey: 'secret' };
const session = (extra: object = {}): Step => ({ kind: 'sessionToken', profile: 'alice', mfaSerial: MFA, durationSeconds: 43200, sts: US, ...extra });
const role = (profile: string, extra: object = {}): Step => ({ kind: 'assumeRole', profile, roleArn: ADMIN, sts: US, ...extra });

const CREDENTIALS = '[alice]\naws_access_key_id = AKIAALICE\naws_secret_access_key = secret\n';
const CONFIG = `
[profile alice]
mfa_serial = ${MFA}
mfa_process = ${YKMAN}

[profile admin]
role_arn = ${ADMIN}
source_profile = alice
mfa_serial = ${MFA}

[profile own]
role_arn = ${ADMIN}
source_profile = alice
mfa_serial = ${MFA}
mfa_process = other-tool

[profile other-device]
role_arn = ${ADMIN}
source_profile = alice
mfa_serial = ${OTHER}

[profile long]
role_arn = ${ADMIN}
source_profile = alice
mfa_serial = ${MFA}
duration_seconds = 7200

[profile no-mfa]
role_arn = ${ADMIN}
source_profile = alice
`;

describe('resolve: mfa_process', () => {
  test.each<[string, string, Step[]]>([
    ['keys with mfa_serial and mfa_process: the MFA session\'s code comes from it', 'alice', [keys, session({ mfaProcess: YKMAN })]],
    ['a role inherits its source\'s mfa_process for the same device', 'admin', [keys, session({ mfaProcess: YKMAN }), role('admin')]],
    ['a role\'s own mfa_process wins', 'own', [keys, session({ mfaProcess: 'other-tool' }), role('own')]],
    ['not for another device', 'other-device', [keys, session({ mfaSerial: OTHER }), role('other-device')]],
    ['on the role\'s own call when the code goes there', 'long', [keys, role('long', { mfaSerial: MFA, mfaProcess: YKMAN, durationSeconds: 7200 })]],
    ['nothing for a role that needs no code', 'no-mfa', [keys, role('no-mfa')]],
  ])('%s', async (_why, profile, steps) => {
    const chain = resolve(profile, await loadIni({ config: CONFIG, credentials: CREDENTIALS }), { env: {} });
    expectNoEmptyMfaProcess(chain.steps);
    expect(chain.steps).toEqual(steps);
  });

  test.each<[string, string, Step[]]>([
    ['--mfa-serial for the profile\'s own device keeps its mfa_process', MFA, [keys, session({ mfaProcess: YKMAN })]],
    ['--mfa-serial for another device drops it: it would print the wrong code', OTHER, [keys, session({ mfaSerial: OTHER })]],
  ])('%s', async (_why, mfaSerial, steps) => {
    const chain = resolve('alice', await loadIni({ config: CONFIG, credentials: CREDENTIALS }), { env: {}, mfaSerial });
    expectNoEmptyMfaProcess(chain.steps);
    expect(chain.steps).toEqual(steps);
  });
});

/** Absent, not undefined, where there is none: the steps keep the shape (and cache keys) they always had. */
function expectNoEmptyMfaProcess(steps: readonly Step[]) {
  expect(steps.filter((step) => Object.hasOwn(step, 'mfaProcess') && !(step as { mfaProcess?: string }).mfaProcess)).toEqual([]);
}
