import { loadConfig } from '../config/loadConfig';
import { sharedFilePaths } from '../config/sharedFilePaths';
import { configError } from '../core/errors';
import { printable } from '../core/printable';
import type { ProfileRow } from '../core/profileRow';
import { writeStderr } from '../core/writeAllSync';
import { chooseProfile } from '../interaction/chooseProfile';
import { profileRows } from './profileRows';
import { usageError } from './usageError';
import type { Wiring } from './wire';

const CHOICES = 'Run awsuse PROFILE with one of the profiles above, or awsuse -u to clear the shell\'s credentials.';

/**
 * The profile a bare awsuse exports: the one the person picks on the terminal, starting at the profile exported now
 * (else AWS_PROFILE). Without a terminal there is no one to ask: the profiles go to stderr and awsuse fails, as it
 * would for a profile it cannot export. Whether stdin is a terminal does not matter: the picker reads its keys from
 * /dev/tty, as the MFA prompt reads its code, so `awsuse < file` at a terminal still has a person to ask, and a job
 * without a controlling terminal has none however its stdin is set up.
 */
export async function pickForAwsuse({ env, log }: Wiring, interactive = true): Promise<string> {
  const rows = profileRows(loadConfig(env, log));
  if (!rows.length) {
    const { configFile, credentialsFile } = sharedFilePaths(env);
    throw configError(`awsuse has no profile to pick from: ${configFile} and ${credentialsFile} hold none`, undefined, 'Add a profile (see the README\'s examples), or run awsuse -u to clear the shell\'s credentials.');
  }
  // Not interactive (a prompt hook, a script that says so): a picker would wait for a person, as a prompt would.
  if (!interactive) refuse(rows, 'awsuse needs a profile, and may not wait for a person to pick one');
  const preselect = env.AWSENV_PROFILE || env.AWS_PROFILE;
  log.debug(`no profile named: a picker on the terminal over ${rows.length} profiles${preselect ? `, starting at "${printable(preselect)}"` : ''}`);
  const picked = await chooseProfile(rows, preselect);
  if (picked === undefined) refuse(rows, 'awsuse needs a profile, and there is no terminal to pick one on');
  log.debug(`picked profile "${printable(picked)}"`);
  return picked;
}

/** The profiles on stderr, one a line, for the person to choose from by name, and the failure that points to them. */
function refuse(rows: readonly ProfileRow[], why: string): never {
  writeStderr(rows.map((row) => `${printable(row.name)}\n`).join(''));
  throw usageError(why, CHOICES);
}
