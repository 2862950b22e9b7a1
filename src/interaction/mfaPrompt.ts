import type readline from 'node:readline';
import { AwsenvError } from '../core/errors';
import { mfaCodeIn } from '../core/mfaCode';
import { openTerminal } from './terminal';

const ATTEMPTS = 3;

/** Gives the MFA code for a serial, for the step of the profile named, from its mfa_process if it has one. */
type MfaCodeSource = (serial: string, profile: string, mfaProcess?: string) => Promise<string>;

/**
 * Supplies MFA codes: the --mfa-code value for the first code asked, then the step's mfa_process, then the
 * controlling terminal. A code given for this one run wins over the profile's standing way to get one, as a flag wins
 * over the files elsewhere: it is how a user gets past a key that is not plugged in. The prompt goes to /dev/tty,
 * never stdout, so it works inside `eval "$(awsenv …)"`; without a terminal it fails at once.
 */
export function mfaCodes(flagCode: string | undefined): MfaCodeSource {
  let unused = flagCode;
  return async (serial, profile, mfaProcess) => {
    if (unused !== undefined) {
      const code = unused;
      unused = undefined;
      return code;
    }
    if (mfaProcess) return (await import('./mfaProcess')).mfaProcessCode(mfaProcess, serial, profile);
    const terminal = openTerminal();
    if (!terminal) {
      throw new AwsenvError('interaction', `needs an MFA code for ${serial}, and there is no terminal to ask on`, { profile, hint: 'Pass the code with --mfa-code CODE.' });
    }
    return askOnTerminal(terminal, `Enter MFA code for ${serial}: `, profile);
  };
}

async function askOnTerminal(terminal: { read: number; write: number }, prompt: string, profile: string): Promise<string> {
  // Loaded here: most runs never prompt, and these modules cost start-up time.
  const [readline, tty] = await Promise.all([import('node:readline'), import('node:tty')]);
  const input = new tty.ReadStream(terminal.read);
  const output = new tty.WriteStream(terminal.write);
  const rl = readline.createInterface({ input, output, terminal: true });
  try {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const code = mfaCodeIn(await question(rl, output, prompt, profile));
      if (code) return code;
      output.write('An MFA code is 6 digits.\n');
    }
    // Like Ctrl-D: the person at the terminal did not give a code, so it is theirs to try again.
    throw new AwsenvError('interaction', 'no valid MFA code was entered', { profile });
  } finally {
    rl.close();
    input.destroy();
    output.destroy();
  }
}

function question(rl: readline.Interface, output: NodeJS.WritableStream, prompt: string, profile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const detach = () => {
      rl.removeAllListeners('SIGINT');
      rl.removeAllListeners('close');
    };
    const stop = (kind: 'interrupted' | 'interaction', why: string) => () => {
      detach();
      // The cursor still stands after the prompt: the message that follows belongs on a line of its own.
      output.write('\n');
      reject(new AwsenvError(kind, `MFA prompt ${why}`, { profile }));
    };
    // Readline swallows Ctrl-C and Ctrl-D on a terminal it owns; both mean the user gave up. Ctrl-C also means
    // "stop what this command line was doing": main ends awsenv by SIGINT for an `interrupted` error.
    rl.once('SIGINT', stop('interrupted', 'interrupted'));
    rl.once('close', stop('interaction', 'closed'));
    rl.question(prompt, (answer) => {
      detach();
      resolve(answer);
    });
  });
}
