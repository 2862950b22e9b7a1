import type { SsoStep } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';
import type { ProviderDeps } from './providerDeps';

/** IAM Identity Center role credentials: GetRoleCredentials with the session's token, with another token once if refused. */
export async function ssoRoleCredentials(step: SsoStep, deps: ProviderDeps): Promise<Credentials> {
  const portal = await deps.ssoPortal(step.session, step.profile);
  const first = await deps.ssoToken(step.session);
  const credentials = await portal.getRoleCredentials(first, step.accountId, step.roleName);
  if (credentials) return credentials;
  // Signed out elsewhere, or revoked: the token looked valid but is not.
  deps.log.debug('IAM Identity Center refused the access token; getting another');
  const second = await deps.ssoToken(step.session, first);
  const retried = await portal.getRoleCredentials(second, step.accountId, step.roleName);
  if (retried) return retried;
  throw new AwsenvError('interaction', 'IAM Identity Center refused the sign-in', { profile: step.profile, hint: `Run "awsenv login ${step.profile}".` });
}
