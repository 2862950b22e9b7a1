import type readline from 'node:readline';
import { AwsenvError } from '../errors';
import { openTerminal } from './terminal';

export const MFA_CODE = /^\d{6}$/;
const ATTEMPTS = 3;

/**
 * Supplies MFA codes: the --mfa-code value for the first code asked, then the controlling terminal. The prompt goes
 * to /dev/tty, never stdout, so it works inside `eval "$(awsenv …)"`; without a terminal it fails at once.
 */
export function mfaCodes(flagCode: string | undefined, requested: string): (serial: string, profile: string) => Promise<string> {
  let unused = flagCode;
  return async (serial, profile) => {
    if (unused !== undefined) {
      const code = unused;
      unused = undefined;
      return code;
    }
    const terminal = openTerminal();
    if (!terminal) {
      const via = profile === requested ? '' : ` (for profile "${profile}" on the way)`;
      throw new AwsenvError('interaction', `profile "${requested}" needs an MFA code for ${serial}${via}, and there is no terminal to ask on`, {
        profile: requested,
        hint: 'Pass the code with --mfa-code CODE.',
      });
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
      const answer = (await question(rl, prompt, profile)).trim();
      if (MFA_CODE.test(answer)) return answer;
      output.write('An MFA code is 6 digits.\n');
    }
    throw new AwsenvError('usage', `no valid MFA code was entered for profile "${profile}"`, { profile });
  } finally {
    rl.close();
    input.destroy();
    output.destroy();
  }
}

function question(rl: readline.Interface, prompt: string, profile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stop = (why: string) => () => reject(new AwsenvError('interaction', `MFA prompt ${why} for profile "${profile}"`, { profile }));
    // Readline swallows Ctrl-C and Ctrl-D on a terminal it owns; both mean the user gave up.
    rl.once('SIGINT', stop('interrupted'));
    rl.once('close', stop('closed'));
    rl.question(prompt, (answer) => {
      rl.removeAllListeners('SIGINT');
      rl.removeAllListeners('close');
      resolve(answer);
    });
  });
}
