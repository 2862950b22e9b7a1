import type { Profile } from '../config/profile';
import { identityOfArn } from './knownIdentity';
import { sourceKind } from './sourceKind';

/**
 * The account a profile's credentials act in, as far as its own keys say, read through the same precedence table as
 * resolve(): the role's ARN, sso_account_id, the login session's ARN, or the MFA device's ARN beside long-term keys.
 * The same answer knownIdentity() gives for the profile's chain, without resolving it (a role's source may be broken).
 */
export function profileAccount(profile: Profile): string | undefined {
  switch (sourceKind(profile)) {
    case 'role':
    case 'webIdentity':
    case 'roleWithoutSource':
      return identityOfArn(profile.role_arn!).account;
    case 'sso':
      return profile.sso_account_id;
    case 'login':
      return identityOfArn(profile.login_session!).account;
    case 'keys':
      // Keys with a session token of their own are exported as they are: the device plays no part.
      return profile.mfa_serial && !profile.aws_session_token ? identityOfArn(profile.mfa_serial).account : undefined;
    default:
      return undefined;
  }
}
