import { AwsenvError } from '../core/errors';
import { mfaCodeIn } from '../core/mfaCode';
import { openTerminal } from './terminal';

/** The reason, in a message, that nothing was asked. */
export const NO_INTERACTION = '--non-interactive forbids asking';

/** Gives the MFA code for a serial, for the step of the profile named, from its mfa_process if it has one. */
type MfaCodeSource = (serial: string, profile: string, mfaProcess?: string) => Promise<string>;

/**
 * Supplies MFA codes: the --mfa-code value for the first code asked, then the step's mfa_process, then the
 * controlling terminal. A code given for this one run wins over the profile's standing way to get one, as a flag wins
 * over the files elsewhere: it is how a user gets past a key that is not plugged in. The prompt goes to /dev/tty,
 * never stdout, so it works inside `eval "$(awsenv …)"`; without a terminal it fails at once.
 */
export function mfaCodes(flagCode: string | undefined, interactive = true): MfaCodeSource {
  let unused = flagCode;
  return async (serial, profile, mfaProcess) => {
    if (unused !== undefined) {
      const code = unused;
      unused = undefined;
      return code;
    }
    // mfa_process too: it may wait for a touch of the key, and nobody is looking (a prompt hook's refresh).
    if (!interactive) throw new AwsenvError('interaction', `needs an MFA code for ${serial}, and ${NO_INTERACTION}`, { profile, hint: 'Run the command again without --non-interactive to be asked for it.' });
    if (mfaProcess) return (await import('./mfaProcess')).mfaProcessCode(mfaProcess, serial, profile);
    const terminal = openTerminal();
    if (!terminal) {
      throw new AwsenvError('interaction', `needs an MFA code for ${serial}, and there is no terminal to ask on`, { profile, hint: 'Pass the code with --mfa-code CODE.' });
    }
    const question = {
      name: 'MFA prompt',
      prompt: `Enter MFA code for ${serial}: `,
      read: mfaCodeIn,
      again: 'An MFA code is 6 digits.',
      noAnswer: 'no valid MFA code was entered',
    };
    // Imported here: the prompt's readline and terminal streams are for the runs that ask, not for a cached export.
    return (await import('./terminalQuestion')).askOnTerminal(terminal, question, profile);
  };
}
