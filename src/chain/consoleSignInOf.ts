import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { signinTarget, type AwsTarget } from '../config/endpoints';
import { hasStaticKeys, parseProfile } from '../config/profile';
import { sourceKind } from './sourceKind';
import type { ProfileOrigin } from './types';
import { walkSourceProfiles } from './walkSourceProfiles';

/** The console sign-in (`aws login`) that `awsenv login` makes for a profile, and the profile it is written into. */
export interface ConsoleSignIn {
  /** The profile that holds (or will hold) login_session: the one named, or the root of its source_profile links. */
  readonly profile: string;
  /** The login_session it has now; undefined for a first sign-in. */
  readonly loginSession?: string;
  /** Where the sign-in goes: --region, else the profile's region, else the environment's, else us-east-1 (signinTarget). */
  readonly signin: AwsTarget;
  /** Whether the region is to be written into the profile (--region given, or a profile without one). */
  readonly writeRegion: boolean;
}

/**
 * Whether `awsenv login PROFILE` is a console sign-in, and where: a profile whose chain starts at a login_session;
 * and, as `aws login` does, a profile that does not exist yet or holds no credentials, which the sign-in starts from
 * nothing. undefined for every other profile (IAM Identity Center's, or one with keys, a role, a process), whose
 * errors stay those of the IAM Identity Center sign-in.
 */
export function consoleSignInOf(name: string, config: AwsConfig, env: Env, origin: ProfileOrigin | undefined, regionFlag?: string): ConsoleSignIn | undefined {
  const section = config.profiles[name];
  if (!section) return { profile: name, signin: signinTarget({}, config, env, regionFlag), writeRegion: true };
  const parsed = parseProfile(section);
  if (parsed.ok && sourceKind(parsed.profile) === 'none') {
    const { profile } = parsed;
    return { profile: name, signin: signinTarget(profile, config, env, regionFlag), writeRegion: Boolean(regionFlag) || !profile.region };
  }
  const links = walkSourceProfiles(name, config, env, origin);
  const root = links[links.length - 1];
  if (sourceKind(root.profile) !== 'login' || (links.length > 1 && hasStaticKeys(root.profile))) return undefined;
  return {
    profile: root.name,
    loginSession: root.profile.login_session,
    signin: signinTarget(root.profile, config, env, regionFlag),
    writeRegion: Boolean(regionFlag) || !root.profile.region,
  };
}
