import type { SessionTokenStep } from '../chain/types';
import type { Credentials } from '../core/credentials';
import { AwsenvError } from '../core/errors';
import { signer, type ProviderDeps, type Source } from './providerDeps';

export async function sessionToken(step: SessionTokenStep, source: Source, deps: ProviderDeps): Promise<Credentials> {
  // resolve() cannot know what a credential_process prints; STS refuses GetSessionToken from a session, and says so
  // less clearly. Before the code is asked for, so none is spent.
  if (source.kind === 'process' && source.credentials.sessionToken) {
    throw new AwsenvError('config', `credential_process gave temporary credentials, and an MFA session for ${step.mfaSerial} starts only from long-term keys`, {
      profile: source.profile,
      hint: 'Have the command print long-term keys (no SessionToken), or remove mfa_serial where the credentials are MFA-authenticated already.',
    });
  }
  // The code first: without a terminal to ask on, fail before loading the SDK.
  const code = await deps.mfaCode(step.mfaSerial, step.profile, step.mfaProcess);
  const sts = await deps.sts(step.sts, source.credentials, { profile: step.profile, ...signer(source) });
  return sts.getSessionToken({ SerialNumber: step.mfaSerial, TokenCode: code, DurationSeconds: step.durationSeconds });
}
