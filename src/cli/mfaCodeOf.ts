import type { Env } from '../core/env';
import { AwsenvError } from '../core/errors';
import { mfaCodeIn } from '../core/mfaCode';
import type { StdinLine } from '../interaction/stdinLine';

/** The --mfa-code value that means: read the code from stdin. */
export const FROM_STDIN = '-';
/** Where a script may put the code instead of argv, which every local user can read in `ps`. */
export const MFA_CODE_VARIABLE = 'AWSENV_MFA_CODE';

/**
 * The MFA code a run starts with: --mfa-code CODE; with --mfa-code -, the first line of stdin; without the flag,
 * $AWSENV_MFA_CODE (the flag wins, so a command line can overrule the environment); else none, and the prompt asks
 * when a step needs one. A code of the wrong shape is a usage error, before any call.
 */
export async function mfaCodeOf(flag: string | undefined, env: Env, stdin?: StdinLine): Promise<string | undefined> {
  if (flag === FROM_STDIN) return codeFromStdin(stdin ?? (await import('../interaction/stdinLine')).processStdin);
  if (flag !== undefined) return flag;
  const fromEnv = env[MFA_CODE_VARIABLE]?.trim();
  // Empty is unset, as `AWSENV_MFA_CODE= awsenv P` means.
  if (!fromEnv) return undefined;
  const code = mfaCodeIn(fromEnv);
  if (!code) throw usage(`$${MFA_CODE_VARIABLE} must be the 6 digits your MFA device shows`, `Unset it to be asked on the terminal: unset ${MFA_CODE_VARIABLE}`);
  return code;
}

function codeFromStdin(stdin: StdinLine): string {
  if (stdin.isTerminal()) {
    throw usage('--mfa-code - reads the code from stdin, and stdin is the terminal', 'Leave out --mfa-code: awsenv asks for the code on the terminal when it needs one.');
  }
  const line = stdin.readLine();
  if (line === undefined) throw usage('--mfa-code - found nothing on stdin', 'Send the code as the first line: printf \'%s\\n\' "$CODE" | awsenv PROFILE --mfa-code -');
  const code = mfaCodeIn(line);
  if (!code) throw usage('--mfa-code - needs the 6 digits your MFA device shows as the first line of stdin');
  return code;
}

const usage = (message: string, hint?: string) => new AwsenvError('usage', message, { hint });
