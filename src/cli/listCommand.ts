import type { AwsConfig } from '../config/loadConfig';
import { parseProfile, profileKind } from '../config/profile';

/** Profile names one a line; with long, each profile's kind and region in aligned columns. */
export function listProfiles(config: AwsConfig, long: boolean): string {
  const names = Object.keys(config.profiles).sort();
  if (!long) return names.map((name) => `${name}\n`).join('');
  const rows = names.map((name) => {
    const parsed = parseProfile(config.profiles[name]);
    return parsed.ok ? [name, profileKind(parsed.profile), parsed.profile.region ?? '-'] : [name, 'invalid', '-'];
  });
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}\n`).join('');
}
