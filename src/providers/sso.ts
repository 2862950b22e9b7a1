import type { SsoStep } from '../chain/types';
import { AwsenvError } from '../errors';
import { errorMessage, errorName } from './awsCallErrors';
import type { Credentials } from './credentials';
import type { ProviderDeps } from './deps';

/** IAM Identity Center role credentials: GetRoleCredentials with the session's token, signing in again once if refused. */
export async function ssoRoleCredentials(step: SsoStep, deps: ProviderDeps): Promise<Credentials> {
  const portal = await deps.ssoPortal(step.session, step.profile);
  let token = await deps.ssoToken(step.session);
  for (let attempt = 1; ; attempt++) {
    try {
      return await portal.getRoleCredentials(token, step.accountId, step.roleName);
    } catch (error) {
      const name = errorName(error);
      if (name === 'UnauthorizedException' && attempt === 1) {
        // Signed out elsewhere, or revoked: the token looked valid but is not.
        deps.log.debug('IAM Identity Center refused the access token; getting another');
        token = await deps.ssoToken(step.session, token);
        continue;
      }
      if (error instanceof AwsenvError) throw error;
      if (name === 'UnauthorizedException') {
        throw new AwsenvError('interaction', `IAM Identity Center refused the sign-in of profile "${step.profile}"`, { profile: step.profile, hint: `Run "awsenv login ${step.profile}".`, cause: error });
      }
      if (name === 'ForbiddenException' || name === 'ResourceNotFoundException') {
        throw new AwsenvError('aws', `IAM Identity Center does not give role ${step.roleName} in account ${step.accountId} to this sign-in (profile "${step.profile}")`, {
          profile: step.profile,
          hint: 'Check sso_account_id and sso_role_name; "awsenv sso profiles" lists what you can use.',
          cause: error,
        });
      }
      throw new AwsenvError('aws', `IAM Identity Center GetRoleCredentials failed for profile "${step.profile}": ${name}: ${errorMessage(error)}`, { profile: step.profile, cause: error });
    }
  }
}
