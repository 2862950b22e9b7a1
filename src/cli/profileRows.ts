import type { AwsConfig } from '../config/mergeSharedFiles';
import { hasStaticKeys, parseProfile, type Profile } from '../config/profile';
import { profileAccount } from '../chain/profileAccount';
import { sourceKind, type SourceKind } from '../chain/sourceKind';
import type { ProfileRow } from '../core/profileRow';

/** Every profile of the config, sorted by name, with its kind, account and region (`list --long`, the picker). */
export function profileRows(config: AwsConfig): ProfileRow[] {
  return Object.keys(config.profiles)
    .sort()
    .map((name) => {
      const parsed = parseProfile(config.profiles[name]);
      if (!parsed.ok) return { name, kind: 'invalid' };
      const { profile } = parsed;
      return { name, kind: profileKind(profile), account: profileAccount(profile), region: profile.region };
    });
}

const LABELS: Record<SourceKind, string> = { role: 'role', webIdentity: 'web-identity', roleWithoutSource: 'role', sso: 'sso', keys: 'static', login: 'login', process: 'process', none: 'none' };

/** The kind of a profile, read through the same precedence table as resolve() reads it. */
export function profileKind(profile: Profile): string {
  const kind = sourceKind(profile);
  if (kind !== 'keys') return LABELS[kind];
  // Half a key pair gives nothing; keys with an MFA device (and no session token of their own) give an MFA session.
  if (!hasStaticKeys(profile)) return 'none';
  return profile.mfa_serial && !profile.aws_session_token ? 'mfa-session' : 'static';
}
