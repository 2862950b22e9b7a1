import type { WebIdentityStep } from '../chain/types';
import type { Credentials } from '../core/credentials';
import type { ProviderDeps } from './providerDeps';
import { webIdentityToken } from './webIdentityToken';

/** STS AssumeRoleWithWebIdentity, an unsigned call, with the token of the step. */
export async function webIdentity(step: WebIdentityStep, deps: ProviderDeps): Promise<Credentials> {
  const token = await webIdentityToken(step.token, deps.env, step.profile);
  const sts = await deps.sts(step.sts, undefined, { profile: step.profile, signedBy: step.profile, signerKind: 'keys' });
  return sts.assumeRoleWithWebIdentity({
    RoleArn: step.roleArn,
    RoleSessionName: step.roleSessionName ?? `awsenv-${Math.floor(deps.now().getTime() / 1000)}`,
    WebIdentityToken: token,
    DurationSeconds: step.durationSeconds,
  });
}
