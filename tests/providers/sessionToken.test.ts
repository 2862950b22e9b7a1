import type { SessionTokenStep } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { sessionToken } from '../../src/providers/sessionToken';
import type { Source } from '../../src/providers/providerDeps';
import { MFA_CODE, fakeProviderDeps, issued } from '../support/fakeProviderDeps';
import { ALICE } from '../support/world';

const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const STS = { region: 'eu-west-1' };
const step: SessionTokenStep = { kind: 'sessionToken', profile: 'alice', mfaSerial: MFA, durationSeconds: 43200, sts: STS };
const source: Source = { credentials: { accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey }, profile: 'alice', kind: 'static' };

describe(sessionToken.name, () => {
  test('the code is asked, then sent with its serial and the duration, signed by the long-term keys', async () => {
    const deps = fakeProviderDeps();

    const credentials = await sessionToken(step, source, deps);

    expect(credentials).toEqual(issued('GetSessionToken', 'alice'));
    expect(deps.calls).toEqual([
      { to: 'mfaCode', serial: MFA, profile: 'alice' },
      { to: 'sts', target: STS, profile: 'alice', signedBy: 'alice', signerKind: 'keys', signedWith: ALICE.accessKeyId },
      { to: 'GetSessionToken', profile: 'alice', input: { SerialNumber: MFA, TokenCode: MFA_CODE, DurationSeconds: 43200 } },
    ]);
  });

  test('temporary credentials from a credential_process are refused before the code is asked for, naming that profile', async () => {
    const deps = fakeProviderDeps();
    const temporary: Source = { credentials: { accessKeyId: 'ASIAPROC', secretAccessKey: 's', sessionToken: 'tok' }, profile: 'vault', kind: 'process' };

    const error = await sessionToken(step, temporary, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'config', profile: 'vault' });
    expect((error as AwsenvError).message).toContain('credential_process gave temporary credentials');
    expect(deps.calls).toEqual([]);
  });

  // Creating the STS client loads the SDK: with no terminal to ask on, the run should fail before paying for it.
  test('no code, no STS client', async () => {
    const noTerminal = new AwsenvError('interaction', 'an MFA code is needed and there is no terminal to ask on', { profile: 'alice' });
    const deps = fakeProviderDeps({ overrides: { mfaCode: () => Promise.reject(noTerminal) } });

    await expect(sessionToken(step, source, deps)).rejects.toBe(noTerminal);
    expect(deps.calls).toEqual([]);
  });
});
