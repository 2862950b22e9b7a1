import type { AssumeRoleStep } from '../chain/types';
import type { Credentials } from '../core/credentials';
import { signer, type ProviderDeps, type Source } from './providerDeps';

export async function assumeRole(step: AssumeRoleStep, source: Source, deps: ProviderDeps): Promise<Credentials> {
  const mfa = step.mfaSerial ? { SerialNumber: step.mfaSerial, TokenCode: await deps.mfaCode(step.mfaSerial, step.profile, step.mfaProcess) } : {};
  const sts = await deps.sts(step.sts, source.credentials, { profile: step.profile, ...signer(source) });
  return sts.assumeRole({
    RoleArn: step.roleArn,
    // The AWS CLI's habit: a session name that says which tool made it and when.
    RoleSessionName: step.roleSessionName ?? `awsenv-${Math.floor(deps.now().getTime() / 1000)}`,
    ExternalId: step.externalId,
    SourceIdentity: step.sourceIdentity,
    DurationSeconds: step.durationSeconds,
    Tags: step.tags?.map((tag) => ({ Key: tag.key, Value: tag.value })),
    TransitiveTagKeys: step.transitiveTagKeys && [...step.transitiveTagKeys],
    ...mfa,
  });
}
