import { configError } from '../errors';
import type { AwsConfig, Env } from '../config/loadConfig';
import { parseProfile, usesSso } from '../config/profile';
import { unknownProfile, type ResolveOptions } from './resolve';
import { ssoSessionOf } from './resolveSso';
import type { SsoSession } from './types';

/**
 * The IAM Identity Center sign-in that a profile's chain starts from: its own, or that of the profile at the root
 * of its source_profile links, so `awsenv login` takes whichever profile of the chain the person names. Unlike
 * resolve(), it needs no account or role: a profile made only for signing in will do.
 */
export function signInSessionOf(name: string, config: AwsConfig, env: Env, origin?: ResolveOptions['origin']): SsoSession {
  const path: string[] = [];
  for (let current = name; ; ) {
    if (path.includes(current)) throw configError(`profile "${name}" has a source_profile cycle: ${[...path, current].join(' → ')}`, name);
    const section = config.profiles[current];
    if (!section) throw unknownProfile(current, { config, env, origin }, path);
    const parsed = parseProfile(section);
    if (!parsed.ok) throw configError(`profile "${current}": ${parsed.problem}`, name);
    const profile = parsed.profile;
    if (usesSso(profile)) return ssoSessionOf(current, profile, config, env);
    path.push(current);
    if (!profile.role_arn || !profile.source_profile || profile.source_profile === current) {
      const via = current === name ? '' : ` (its chain starts at profile "${current}")`;
      throw configError(`profile "${name}" does not sign in with IAM Identity Center${via}`, name, 'awsenv login is for profiles with sso_session or sso_start_url, or roles whose source has them.');
    }
    current = profile.source_profile;
  }
}
