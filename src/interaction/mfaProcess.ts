import { AwsenvError } from '../core/errors';
import { mfaCodeIn } from '../core/mfaCode';
import { runCommandLine } from '../core/runCommandLine';
import { writeStderr } from '../core/writeAllSync';

/** A command that answers at once (an app's CLI) says nothing; one still running after this is waiting for the person. */
const WAITING_NOTICE_MS = 500;

/**
 * The code mfa_process prints (`ykman oath accounts code --single 'AWS:alice'`), run as credential_process is run but
 * with its stderr on the user's, where a security key's CLI asks to be touched. Its output may hold the code as
 * authenticator apps show it ("135 790"); anything else is refused without being repeated, since it may be a code.
 */
export async function mfaProcessCode(command: string, serial: string, profile: string): Promise<string> {
  const { isatty } = await import('node:tty');
  const waiting = setTimeout(() => {
    if (isatty(2)) writeStderr(`awsenv: waiting for the mfa_process of profile "${profile}" to give the code for ${serial} (touch your security key if it blinks)\n`);
  }, WAITING_NOTICE_MS);
  try {
    const { stdout } = await runCommandLine('mfa_process', command, profile, { passStderr: true });
    const code = mfaCodeIn(stdout);
    if (!code) throw new AwsenvError('config', `mfa_process printed something other than a 6-digit MFA code for ${serial}`, { profile, hint: 'It must print only the code, as `ykman oath accounts code --single ACCOUNT` does.' });
    return code;
  } finally {
    clearTimeout(waiting);
  }
}
