import { roleSessionIdentity } from './stsRoleSession';
import type { Identity } from './stsTypes';

/** Stands for the hash IAM Identity Center appends to the role it provisions for a permission set. */
const PERMISSION_SET_SUFFIX = '0123456789abcdef';

/**
 * The IAM role IAM Identity Center provisions in `accountId` for permission set `roleName`; name it in a
 * FakeRole's trustedPrincipals to let SSO role sessions switch to that role at the fake STS.
 */
export function ssoRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${reservedRoleName(roleName)}`;
}

/** What GetCallerIdentity reports for the portal's credentials: the reserved role, with the user as session name. */
export function ssoSessionArn(accountId: string, roleName: string, userName: string): string {
  return ssoRoleIdentity(accountId, roleName, userName).arn;
}

/** A role session like any other: temporary, and without MFA as far as STS knows, whatever the sign-in asked. */
export function ssoRoleIdentity(accountId: string, roleName: string, userName: string): Identity {
  return roleSessionIdentity(ssoRoleArn(accountId, roleName), userName);
}

function reservedRoleName(roleName: string): string {
  return `AWSReservedSSO_${roleName}_${PERMISSION_SET_SUFFIX}`;
}
