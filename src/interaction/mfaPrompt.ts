import { AwsenvError } from '../core/errors';
import { openTerminal } from './terminal';
import { askOnTerminal } from './terminalQuestion';

export const MFA_CODE = /^\d{6}$/;

/** Gives the MFA code for a serial, for the step of the profile named. */
type MfaCodeSource = (serial: string, profile: string) => Promise<string>;

/**
 * Supplies MFA codes: the --mfa-code value for the first code asked, then the controlling terminal. The prompt goes
 * to /dev/tty, never stdout, so it works inside `eval "$(awsenv …)"`; without a terminal it fails at once.
 */
export function mfaCodes(flagCode: string | undefined): MfaCodeSource {
  let unused = flagCode;
  return async (serial, profile) => {
    if (unused !== undefined) {
      const code = unused;
      unused = undefined;
      return code;
    }
    const terminal = openTerminal();
    if (!terminal) {
      throw new AwsenvError('interaction', `needs an MFA code for ${serial}, and there is no terminal to ask on`, { profile, hint: 'Pass the code with --mfa-code CODE.' });
    }
    const question = {
      name: 'MFA prompt',
      prompt: `Enter MFA code for ${serial}: `,
      read: (answer: string) => (MFA_CODE.test(answer) ? answer : undefined),
      again: 'An MFA code is 6 digits.',
      noAnswer: 'no valid MFA code was entered',
    };
    return askOnTerminal(terminal, question, profile);
  };
}
