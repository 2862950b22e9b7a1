import { COMMAND_WORDS } from '../core/commandWords';
import { formatChoices } from '../render/formats';
import { SHELLS } from './command';
import { COMPLETION_SPEC, type CommandSpec, type FlagValue } from './completionSpec';

/**
 * What the shell offers at the cursor: these words (for the shell to match against what is typed, its own way),
 * file names, or the completion of the command line that starts at word `from` (exec's command).
 */
export type Completion = { kind: 'words'; words: readonly string[] } | { kind: 'files' } | { kind: 'command'; from: number };

/** The export that a line without a command runs, with the commands that can come first instead. */
const TOP: CommandSpec = { ...COMPLETION_SPEC.export, subcommands: COMPLETION_SPEC };

const NOTHING: Completion = { kind: 'words', words: [] };

/**
 * The completion of `awsenv WORDS`, whose last word is the one under the cursor ("" at a fresh word), read the way
 * both parsers read a line: flags anywhere, the command first among the words, then its subcommand, then its word.
 * profiles() is called only where a profile goes.
 */
export function completeLine(words: readonly string[], profiles: () => readonly string[]): Completion {
  const current = words.at(-1) ?? '';
  let command = TOP;
  let wordGiven = false;
  let pending: FlagValue | undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i];
    if (pending) {
      pending = undefined;
      continue;
    }
    if (word === '--') return command.rest ? { kind: 'command', from: i + 1 } : NOTHING;
    if (word.startsWith('-') && word !== '-') {
      const value = command.flags[word];
      if (value && value !== 'switch') pending = value;
      continue;
    }
    const sub = command.subcommands?.[word];
    if (sub && !wordGiven) {
      command = sub;
      continue;
    }
    if (command.word && !wordGiven) {
      wordGiven = true;
      continue;
    }
    if (command.rest) return { kind: 'command', from: i };
    return NOTHING;
  }
  if (pending) return valuesOf(pending, profiles);
  if (current.startsWith('--') && current.includes('=')) {
    const flag = current.slice(0, current.indexOf('='));
    const value = command.flags[flag];
    if (!value || value === 'switch') return NOTHING;
    const completion = valuesOf(value, profiles);
    return completion.kind === 'words' ? { kind: 'words', words: completion.words.map((word) => `${flag}=${word}`) } : completion;
  }
  if (current.startsWith('-')) {
    const given = new Set(words.slice(0, -1).map((word) => word.split('=')[0]));
    return { kind: 'words', words: Object.keys(command.flags).filter((flag) => !given.has(flag)) };
  }
  if (wordGiven) return command.rest ? { kind: 'command', from: words.length - 1 } : NOTHING;
  const offered = command.subcommands ? Object.keys(command.subcommands) : [];
  if (command.word === 'shell') offered.push(...SHELLS);
  // A profile named like a command is reached only as `awsenv export NAME`, so first on the line it is not offered.
  if (command.word === 'profile') offered.push(...profiles().filter((name) => !(command === TOP && COMMAND_WORDS.includes(name))));
  return { kind: 'words', words: offered };
}

function valuesOf(value: FlagValue, profiles: () => readonly string[]): Completion {
  if (value === 'file') return { kind: 'files' };
  if (value === 'profile') return { kind: 'words', words: profiles() };
  if (value === 'format') return { kind: 'words', words: formatChoices };
  return NOTHING;
}
