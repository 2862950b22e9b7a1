import { loadConfig } from '../../config/loadConfig';
import type { AwsConfig } from '../../config/mergeSharedFiles';
import type { CommandOf } from '../command';
import { profileRows } from '../profileRows';
import type { Wiring } from '../wire';

/** `awsenv list [--long]`. */
export const listCommand = async (command: CommandOf<'list'>, { env, log }: Wiring): Promise<string> => listProfiles(loadConfig(env, log), command.long);

/** Profile names one a line; with long, each profile's kind and region in aligned columns. */
function listProfiles(config: AwsConfig, long: boolean): string {
  // Names alone need no section read: a generated config holds thousands.
  if (!long) return Object.keys(config.profiles).sort().map((name) => `${name}\n`).join('');
  const rows = profileRows(config).map((row) => [row.name, row.kind, row.region ?? '-']);
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}\n`).join('');
}
