import { accountOf, credentialsXml, issueCredentials, uniqueId } from './stsCredentials';
import { validationError } from './stsError';
import type { SessionTags } from './stsSessionTags';
import { FakeRole, Identity, IssuedCredentials, StsState } from './stsTypes';
import { XmlFields } from './stsXml';

/** Who a session of `roleArn` named `sessionName` is, however it began: AssumeRole, a web identity, SSO or an instance profile. */
export function roleSessionIdentity(roleArn: string, sessionName: string, mfaAuthenticated = false): Identity {
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  return {
    arn: `arn:aws:sts::${accountOf(roleArn)}:assumed-role/${roleName}/${sessionName}`,
    userId: `${uniqueId('AROA', roleArn)}:${sessionName}`,
    trustArn: roleArn,
    mfaAuthenticated,
    temporary: true,
  };
}

export interface RoleSession {
  /** The Credentials and AssumedRoleUser elements every AssumeRole* result carries. */
  result: XmlFields;
  issued: IssuedCredentials;
}

/** Issues a session of a role the caller may assume, once the duration fits the role's limit. */
export function startRoleSession(
  state: StsState,
  role: FakeRole,
  sessionName: string,
  durationSeconds: number,
  mfaAuthenticated = false,
  tags: SessionTags = {},
): RoleSession {
  if (durationSeconds > (role.maxSessionDuration ?? 3600)) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const identity = { ...roleSessionIdentity(role.arn, sessionName, mfaAuthenticated), ...tags };
  const issued = issueCredentials(state, identity, durationSeconds);
  return {
    result: { Credentials: credentialsXml(issued), AssumedRoleUser: { AssumedRoleId: identity.userId, Arn: identity.arn } },
    issued,
  };
}

/** AWS sends the size only when the request carried a session policy; 2048 characters is the whole budget. */
export function packedPolicySize(policy: string | undefined): number | undefined {
  return policy === undefined ? undefined : Math.ceil((100 * policy.length) / 2048);
}
