import { SHELLS, type ParsedArgs } from './command';
import { commandOf } from './commandOf';
import { FROM_STDIN } from './mfaCodeOf';
import { COMMAND_WORDS } from '../core/commandWords';

/** The flags of the lines shells run, by the names yargs gives them; the short spellings among them. */
const SHORT: Readonly<Record<string, string>> = { '-f': 'format', '-r': 'region', '-o': 'output', '-u': 'unset', '-l': 'long', '-q': 'quiet' };
const TAKES_VALUE = new Set(['format', 'region', 'output', 'mfa-code', 'mfa-serial', 'duration', 'timeout']);
const CREDENTIAL = ['region', 'mfa-code', 'mfa-serial', 'duration', 'timeout', 'refresh', 'no-cache', 'non-interactive'];

/** The commands this parser knows: their flags, and the word each takes (none, an optional profile, the shell). */
const COMMANDS = {
  export: { flags: [...CREDENTIAL, 'format', 'output'], word: 'profile' },
  use: { flags: [...CREDENTIAL, 'format', 'unset', 'quiet', 'auto-refresh'], word: 'profile' },
  unset: { flags: ['format'], word: undefined },
  list: { flags: ['long'], word: undefined },
  init: { flags: [], word: 'shell' },
  // In every shell prompt: --format is its template there, not an output format.
  prompt: { flags: ['format'], word: undefined },
} as const;
type Name = keyof typeof COMMANDS;


/**
 * The command lines shells run, parsed as yargs parses them, to the same Command (through the same commandOf)
 * and the same errors, without loading yargs: `[export] [P]`, `use [P]`, `unset`, `list`, `init SHELL`, `prompt`, with their
 * plain flags in every spelling yargs reads the same way. Undefined for every other line, which is yargs' to parse:
 * an unknown or misplaced flag (--help, --version), `--`, `-r=X`, a switch given a value, a flag whose value is
 * missing or starts with "-", an extra word, another command.
 */
export function parseCommonArgs(args: readonly string[]): ParsedArgs | undefined {
  const explicit = Object.hasOwn(COMMANDS, args[0] ?? '');
  const name = (explicit ? args[0] : 'export') as Name;
  const { flags, word } = COMMANDS[name];
  const argv: Record<string, string | boolean> = {};
  const words: string[] = [];
  for (let i = explicit ? 1 : 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      words.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=', 3) : -1;
    const spelling = equals < 0 ? arg : arg.slice(0, equals);
    const flag = SHORT[spelling] ?? (spelling.startsWith('--') ? spelling.slice(2) : '');
    if (flag !== 'debug' && !(flags as readonly string[]).includes(flag)) return undefined;
    if (!TAKES_VALUE.has(flag)) {
      // yargs reads `--refresh=false`, and `--refresh false` too, as the switch's value.
      if (equals >= 0 || args[i + 1] === 'true' || args[i + 1] === 'false') return undefined;
      argv[flag] = true;
      continue;
    }
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    // yargs leaves a flag empty when the next word starts with "-", which it reads as a flag or a word of its own;
    // after --mfa-code, "-" is the value that means stdin (parseWithYargs joins the two).
    if (value === undefined || (equals < 0 && value.startsWith('-') && !(flag === 'mfa-code' && value === FROM_STDIN))) return undefined;
    argv[flag] = value;
  }
  const [given, ...extra] = words;
  // yargs shows its help when the last word is "help".
  if (extra.length || given === 'help' || (given !== undefined && !explicit && COMMAND_WORDS.includes(given))) return undefined;
  if (word === 'shell') {
    if (!(SHELLS as readonly string[]).includes(given)) return undefined;
    argv.shell = given;
  } else if (given !== undefined) {
    if (!word) return undefined;
    argv.profile = given;
  }
  return { command: commandOf[name](argv), debug: argv.debug === true };
}
