import { loadConfig } from '../../config/loadConfig';
import type { AwsConfig } from '../../config/mergeSharedFiles';
import { hasStaticKeys, parseProfile, type Profile } from '../../config/profile';
import { sourceKind, type SourceKind } from '../../chain/sourceKind';
import type { CommandOf } from '../command';
import type { Wiring } from '../wire';

/** `awsenv list [--long]`. */
export const listCommand = async (command: CommandOf<'list'>, { env, log }: Wiring): Promise<string> => listProfiles(loadConfig(env, log), command.long);

/** Profile names one a line; with long, each profile's kind and region in aligned columns. */
function listProfiles(config: AwsConfig, long: boolean): string {
  const names = Object.keys(config.profiles).sort();
  if (!long) return names.map((name) => `${name}\n`).join('');
  const rows = names.map((name) => {
    const parsed = parseProfile(config.profiles[name]);
    return parsed.ok ? [name, profileKind(parsed.profile), parsed.profile.region ?? '-'] : [name, 'invalid', '-'];
  });
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}\n`).join('');
}

const LABELS: Record<SourceKind, string> = { role: 'role', webIdentity: 'web-identity', roleWithoutSource: 'role', sso: 'sso', keys: 'static', login: 'login', process: 'process', none: 'none' };

/** The kind `list --long` shows, read through the same precedence table as resolve() reads it. */
export function profileKind(profile: Profile): string {
  const kind = sourceKind(profile);
  if (kind !== 'keys') return LABELS[kind];
  // Half a key pair gives nothing; keys with an MFA device (and no session token of their own) give an MFA session.
  if (!hasStaticKeys(profile)) return 'none';
  return profile.mfa_serial && !profile.aws_session_token ? 'mfa-session' : 'static';
}
