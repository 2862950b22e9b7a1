import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { hasStaticKeys, parseProfile, type Profile } from '../config/profile';
import { MAX_CHAIN_PROFILES } from './limits';
import { sourceKind } from './sourceKind';
import { unknownProfile } from './unknownProfile';
import type { ProfileOrigin } from './types';

/** One profile on the way from the one asked for to the one its credentials start from. */
export interface Link {
  readonly name: string;
  readonly profile: Profile;
}

/**
 * Follows source_profile from the profile asked for to the root, the profile whose own source starts the chain:
 * the first link is the profile asked for, the last is the root. Unknown and unparsable profiles, cycles (reported
 * as the path, "a → b → a") and chains longer than MAX_CHAIN_PROFILES are found here, for resolve() and the sign-in
 * lookup alike.
 */
export function walkSourceProfiles(name: string, config: AwsConfig, env: Env, origin?: ProfileOrigin): Link[] {
  const links: Link[] = [];
  for (let current = name; ; ) {
    const path = links.map((link) => link.name);
    if (path.includes(current)) {
      throw configError(`has a source_profile cycle: ${[...path, current].join(' → ')}`, name, 'Point one of these profiles at a profile with credentials.');
    }
    if (links.length === MAX_CHAIN_PROFILES) {
      throw configError(
        `has a source_profile chain of more than ${MAX_CHAIN_PROFILES} profiles: ${[...path.slice(0, 3), '…', current].join(' → ')} → …`,
        name,
        `awsenv follows at most ${MAX_CHAIN_PROFILES}; point a profile nearer "${name}" at the profile with the credentials.`,
      );
    }
    const section = config.profiles[current];
    if (!section) throw unknownProfile(current, config, env, origin, path[path.length - 1]);
    const parsed = parseProfile(section);
    if (!parsed.ok) throw configError(parsed.problem, current);
    const { profile } = parsed;
    links.push({ name: current, profile });
    const next = sourceProfileOf(current, profile, links.length > 1);
    if (next === undefined) return links;
    current = next;
  }
}

function sourceProfileOf(name: string, profile: Profile, isSource: boolean): string | undefined {
  // As in the AWS CLI, a source profile with keys gives its keys, whatever else it holds: its own role_arn or
  // mfa_serial apply when it is the profile asked for, not when it only feeds another.
  if (isSource && hasStaticKeys(profile)) return undefined;
  // With credential_source too, the role has two sources: resolve() reports that at the root.
  if (sourceKind(profile) !== 'role' || !profile.source_profile || profile.credential_source) return undefined;
  // A role may name itself as its source to use the keys written beside it; without keys that is a cycle.
  if (profile.source_profile === name && hasStaticKeys(profile)) return undefined;
  return profile.source_profile;
}
