import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { hasStaticKeys } from '../config/profile';
import { ssoSessionOf } from './resolveSso';
import { sourceKind } from './sourceKind';
import type { ProfileOrigin, SsoSession } from './types';
import { walkSourceProfiles } from './walkSourceProfiles';

/**
 * The IAM Identity Center sign-in that a profile's chain starts from: its own, or that of the profile at the root
 * of its source_profile links, found by the same walk as resolve()'s, so `awsenv login` takes whichever profile of
 * the chain the person names. Unlike resolve(), it needs no account or role: a profile made only for signing in
 * will do.
 */
export function signInSessionOf(name: string, config: AwsConfig, env: Env, origin?: ProfileOrigin): SsoSession {
  const links = walkSourceProfiles(name, config, env, origin);
  const root = links[links.length - 1];
  // A source with keys gives its keys, as in resolve(), whatever sso_* settings it also holds.
  const givesKeys = links.length > 1 && hasStaticKeys(root.profile);
  if (sourceKind(root.profile) === 'sso' && !givesKeys) return ssoSessionOf(root.name, root.profile, config, env);
  const via = root.name === name ? '' : ` (its chain starts at profile "${root.name}")`;
  throw configError(`does not sign in with IAM Identity Center${via}`, name, 'awsenv login is for profiles with sso_session or sso_start_url, or roles whose source has them.');
}
