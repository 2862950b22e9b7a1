import { resolve } from '../../src/chain/resolve';
import { KEYS, keyLines } from './resolveWorld';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

// --duration sets the lifetime STS is asked for; where the last step asks STS for none, it must not vanish silently.
const FILES = {
  credentials: `[keys]\n${keyLines(KEYS.alice)}`,
  config: [
    '[profile keys]',
    '[profile role]\nrole_arn = arn:aws:iam::222222222222:role/admin\nsource_profile = keys',
    '[profile mfa]\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\nsource_profile = keys',
    '[profile proc]\ncredential_process = /bin/true',
    '[profile sso]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Dev',
    '[profile ec2]\nrole_arn = arn:aws:iam::222222222222:role/admin\ncredential_source = Ec2InstanceMetadata',
  ].join('\n'),
};

describe('--duration where the last step takes none', () => {
  it.each([
    ['keys', 'long-term keys do not expire'],
    ['proc', 'credential_process decides'],
    ['sso', 'permission set'],
  ])('profile %s: one warning, saying why (%s)', async (profile, why) => {
    const chain = resolve(profile, await loadIni(FILES), { env: {}, durationSeconds: 3600 });
    expect(chain.warnings).toEqual([expect.stringContaining(`--duration does not apply to profile "${profile}" and is ignored`)]);
    expect(chain.warnings?.[0]).toContain(why);
  });

  it.each(['role', 'ec2'])('profile %s: the role takes it, no warning', async (profile) => {
    const chain = resolve(profile, await loadIni(FILES), { env: {}, durationSeconds: 3600 });
    expect(chain.warnings).toBeUndefined();
    expect(chain.steps[chain.steps.length - 1]).toMatchObject({ kind: 'assumeRole', durationSeconds: 3600 });
  });

  it('without --duration, no warning', async () => {
    expect(resolve('sso', await loadIni(FILES), { env: {} }).warnings).toBeUndefined();
  });
});
