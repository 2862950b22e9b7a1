import { redactKey } from '../core/credentials';
import type { AwsTarget } from '../config/endpoints';
import type { Chain, Step } from './types';

/** The chain as --debug shows it: one line a step, every setting that matters, no secret. */
export function describeChain(chain: Chain): string {
  const lines = chain.steps.map((step, i) => `  ${i + 1}. ${describeStep(step)}`);
  const region = chain.region ? `, exporting region ${chain.region}` : '';
  const decisions = (chain.decisions ?? []).map((decision) => `  ${decision}`);
  return [`chain for profile "${chain.profile}"${region}:`, ...lines, ...decisions].join('\n');
}

function describeStep(step: Step): string {
  switch (step.kind) {
    case 'static':
      return `keys of profile "${step.profile}" (${redactKey(step.accessKeyId)}${step.sessionToken ? ', with session token' : ''})`;
    case 'sessionToken':
      return `MFA session for profile "${step.profile}": GetSessionToken with ${step.mfaSerial}${codeFrom(step.mfaProcess)}, ${step.durationSeconds}s, ${where(step.sts)}`;
    case 'assumeRole': {
      const extras = [
        step.mfaSerial && `MFA ${step.mfaSerial}${codeFrom(step.mfaProcess)}`,
        step.externalId && 'external id',
        step.roleSessionName && `session name ${step.roleSessionName}`,
        step.sourceIdentity && `source identity ${step.sourceIdentity}`,
        step.durationSeconds && `${step.durationSeconds}s`,
        step.tags && `session tags ${step.tags.map((tag) => tag.key).join(', ')}`,
        step.transitiveTagKeys && `transitive ${step.transitiveTagKeys.join(', ')}`,
      ].filter(Boolean);
      return `role of profile "${step.profile}": AssumeRole ${step.roleArn}${extras.length ? ` (${extras.join(', ')})` : ''}, ${where(step.sts)}`;
    }
    case 'webIdentity': {
      const token = step.token.source === 'github' ? `the GitHub Actions OIDC token for audience ${step.token.audience}` : `the token in ${step.token.path}`;
      return `web identity for "${step.profile}": AssumeRoleWithWebIdentity ${step.roleArn} with ${token}, ${where(step.sts)}`;
    }
    case 'process':
      return `credential_process of profile "${step.profile}": ${programOf(step.command)}`;
    case 'instanceMetadata':
      return `the instance's role (IMDSv2) for profile "${step.profile}"`;
    case 'container':
      return `the container's role (ECS/EKS credentials endpoint) for profile "${step.profile}"`;
    case 'login': {
      const endpoint = step.signin.endpoint ? ` at ${step.signin.endpoint}` : '';
      return `console sign-in (aws login) for profile "${step.profile}": ${step.loginSession}, refreshed through AWS Sign-In (the sign-in's region, else ${step.signin.region})${endpoint}`;
    }
    case 'sso': {
      const { session } = step;
      const signIn = session.name ? `sso-session "${session.name}" (${session.startUrl})` : session.startUrl;
      return `IAM Identity Center role ${step.roleName} in account ${step.accountId} for profile "${step.profile}": GetRoleCredentials, signed in through ${signIn}, ${session.region}${session.portal.endpoint ? ` at ${session.portal.endpoint}` : ''}`;
    }
  }
}

const where = (target: AwsTarget) => `STS in ${target.region}${target.endpoint ? ` at ${target.endpoint}` : ''}`;

// The program only: its arguments may hold a secret.
const programOf = (command: string) => `${command.trim().split(/\s+/)[0]} …`;
const codeFrom = (mfaProcess: string | undefined) => (mfaProcess ? ` (code from mfa_process ${programOf(mfaProcess)})` : '');
