import type { CredentialFlags } from '../../src/cli/command';
import { credentialFlags } from '../../src/cli/credentialFlags';

const flags = (set: Partial<CredentialFlags> = {}): CredentialFlags => ({ refresh: false, cache: true, interactive: true, timeoutMs: 30000, ...set });

describe(credentialFlags.name, () => {
  it('reads a checked set of flags as yargs hands them over', () => {
    expect(credentialFlags({ profile: 'dev', 'mfa-code': '654321', duration: '15m', refresh: true, 'no-cache': false })).toEqual(
      flags({ profile: 'dev', mfaCode: '654321', durationSeconds: 900, refresh: true }),
    );
  });

  it('leaves adHoc undefined without --role-arn', () => {
    expect(credentialFlags({}).adHoc).toBeUndefined();
  });
});
