import { loadConfig } from '../../config/loadConfig';
import type { CommandOf } from '../command';
import { completeLine } from '../completeLine';
import type { Wiring } from '../wire';

/**
 * `awsenv __complete WORDS...`, what the shell integrations run on TAB: a first line saying what to offer (`words`,
 * `files`, or `command N`: complete the command line from word N on), then the words, one a line.
 */
export const completeCommand = async (command: CommandOf<'complete'>, { env, log }: Wiring): Promise<string> => {
  const completion = completeLine(command.words, () => Object.keys(loadConfig(env, log).profiles).sort());
  if (completion.kind === 'command') return `command ${completion.from}\n`;
  if (completion.kind === 'files') return 'files\n';
  return ['words', ...completion.words].map((line) => `${line}\n`).join('');
};
