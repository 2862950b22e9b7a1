import type { SessionTokenStep } from '../chain/types';
import type { Credentials } from '../core/credentials';
import { signer, type ProviderDeps, type Source } from './providerDeps';

export async function sessionToken(step: SessionTokenStep, source: Source, deps: ProviderDeps): Promise<Credentials> {
  // The code first: without a terminal to ask on, fail before loading the SDK.
  const code = await deps.mfaCode(step.mfaSerial, step.profile);
  const sts = await deps.sts(step.sts, source.credentials, { profile: step.profile, ...signer(source) });
  return sts.getSessionToken({ SerialNumber: step.mfaSerial, TokenCode: code, DurationSeconds: step.durationSeconds });
}
