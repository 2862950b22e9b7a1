import { AwsenvError } from './errors';
import { runCommand } from './runCommand';
import { shellSplit } from './shellSplit';

/** How long a command from the config may take: a credential helper, or a security key waiting to be touched. */
export const COMMAND_TIMEOUT_MS = 60000;

/**
 * Runs a command line a profile setting gives (credential_process, mfa_process) as the AWS CLI runs
 * credential_process: split like a shell line, started without a shell, stopped after COMMAND_TIMEOUT_MS. Gives its
 * stdout and the last lines it said on stderr (none when its stderr goes to the user's own); every failure is a
 * configuration error of the profile, named after the setting.
 */
export async function runCommandLine(setting: string, line: string, profile: string, options: { passStderr?: boolean } = {}): Promise<{ stdout: string; said: string }> {
  const fail = (why: string, cause?: unknown) => new AwsenvError('config', `${setting} ${why}`, { profile, cause });
  let argv: string[];
  try {
    argv = shellSplit(line);
  } catch (error) {
    throw fail(`cannot be split into words: ${(error as Error).message}`);
  }
  if (!argv.length) throw fail('is empty');
  const { code, stdout, stderr, error } = await runCommand(argv, COMMAND_TIMEOUT_MS, options);
  const said = stderr.trim() ? `: ${stderr.trim().split('\n').slice(-5).join(' / ')}` : '';
  if (error) throw fail(`could not start ${argv[0]} (${error.code === 'ENOENT' ? 'not found' : error.message})`, error);
  if (code === null) throw fail(`did not finish within ${COMMAND_TIMEOUT_MS / 1000} s and was stopped${said}`);
  if (code !== 0) throw fail(`failed with exit code ${code}${said}`);
  return { stdout, said };
}
