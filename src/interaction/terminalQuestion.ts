import type readline from 'node:readline';
import { AwsenvError } from '../core/errors';
import { openTerminal, terminalAvailable } from './terminal';

const ATTEMPTS = 3;

/** One question for the person at the terminal, asked again until `read` takes the answer. */
export interface Question<T> {
  /** What the messages call it: "MFA prompt". */
  readonly name: string;
  /** Shown once, before the first prompt. */
  readonly preface?: string;
  readonly prompt: string;
  /** The answer's value (trimmed), or undefined to ask again. */
  read(answer: string): T | undefined;
  /** Shown after an answer `read` did not take. */
  readonly again: string;
  /** The failure after the last attempt. */
  readonly noAnswer: string;
}

export type Ask = <T>(question: Question<T>) => Promise<T>;

/** Asks on the controlling terminal, opened when the question comes; undefined where there is none (a script, CI). */
export function terminalAsker(profile: string): Ask | undefined {
  if (!terminalAvailable()) return undefined;
  return (question) => {
    const terminal = openTerminal();
    if (!terminal) throw new AwsenvError('interaction', `${question.name}: the terminal went away`, { profile });
    return askOnTerminal(terminal, question, profile);
  };
}

/** Asks on the terminal's own descriptors, never stdout, so it works inside `eval "$(awsenv …)"`. */
export async function askOnTerminal<T>(terminal: { read: number; write: number }, question: Question<T>, profile: string): Promise<T> {
  // Loaded here: most runs never prompt, and these modules cost start-up time.
  const [readline, tty] = await Promise.all([import('node:readline'), import('node:tty')]);
  const input = new tty.ReadStream(terminal.read);
  const output = new tty.WriteStream(terminal.write);
  const rl = readline.createInterface({ input, output, terminal: true });
  try {
    if (question.preface) output.write(question.preface);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const value = question.read((await ask(rl, output, question, profile)).trim());
      if (value !== undefined) return value;
      output.write(`${question.again}\n`);
    }
    // Like Ctrl-D: the person at the terminal did not answer, so it is theirs to try again.
    throw new AwsenvError('interaction', question.noAnswer, { profile });
  } finally {
    rl.close();
    input.destroy();
    output.destroy();
  }
}

function ask(rl: readline.Interface, output: NodeJS.WritableStream, question: Question<unknown>, profile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const detach = () => {
      rl.removeAllListeners('SIGINT');
      rl.removeAllListeners('close');
    };
    const stop = (kind: 'interrupted' | 'interaction', why: string) => () => {
      detach();
      // The cursor still stands after the prompt: the message that follows belongs on a line of its own.
      output.write('\n');
      reject(new AwsenvError(kind, `${question.name} ${why}`, { profile }));
    };
    // Readline swallows Ctrl-C and Ctrl-D on a terminal it owns; both mean the user gave up. Ctrl-C also means
    // "stop what this command line was doing": main ends awsenv by SIGINT for an `interrupted` error.
    rl.once('SIGINT', stop('interrupted', 'interrupted'));
    rl.once('close', stop('interaction', 'closed'));
    rl.question(question.prompt, (answer) => {
      detach();
      resolve(answer);
    });
  });
}
