/**
 * The hidden command the shell integrations run on TAB. It comes first on the line and takes every word after it
 * verbatim, so neither parser sees it; a profile of that name is reached as `awsenv export __complete`.
 */
export const COMPLETE_COMMAND = '__complete';

/**
 * What a flag's value is, for completion: one of the named lists, a file, or free text (nothing to offer). A switch
 * takes no value.
 */
export type FlagValue = 'profile' | 'format' | 'file' | 'free' | 'switch';

/** One command as completion sees it: its flags by every spelling, its words, and what follows them. */
export interface CommandSpec {
  readonly flags: Readonly<Record<string, FlagValue>>;
  /** The word the command takes: a profile, or the shell of `init`. */
  readonly word?: 'profile' | 'shell';
  readonly subcommands?: Readonly<Record<string, CommandSpec>>;
  /** exec: the words after the profile (or after `--`) are a command line of their own. */
  readonly rest?: 'command';
}

// Every command's; yargs adds --help (-h) and --version to every page.
const GLOBAL: Record<string, FlagValue> = { '--debug': 'switch', '--help': 'switch', '-h': 'switch', '--version': 'switch' };

const CREDENTIAL: Record<string, FlagValue> = {
  '--region': 'free',
  '-r': 'free',
  '--mfa-code': 'free',
  '--mfa-serial': 'free',
  '--duration': 'free',
  '--timeout': 'free',
  '--refresh': 'switch',
  '--no-cache': 'switch',
  '--non-interactive': 'switch',
  '--role-arn': 'free',
  '--source-profile': 'profile',
  // "github", or a token file.
  '--web-identity': 'file',
  '--audience': 'free',
  '--role-session-name': 'free',
};

const FORMAT: Record<string, FlagValue> = { '--format': 'format', '-f': 'format' };

const spec = (flags: Record<string, FlagValue>, rest: Omit<CommandSpec, 'flags'> = {}): CommandSpec => ({ flags: { ...GLOBAL, ...flags }, ...rest });

const status = spec({ '--json': 'switch' });

/**
 * The commands the shells complete, as yargs defines them in parseWithYargs (a test holds each one's flags to its help
 * page), written here because completion runs on every TAB and must not load yargs. `export` is also what a line
 * without a command runs.
 */
export const COMPLETION_SPEC: Readonly<Record<string, CommandSpec>> = {
  export: spec({ ...CREDENTIAL, ...FORMAT, '--output': 'file', '-o': 'file' }, { word: 'profile' }),
  use: spec({ ...CREDENTIAL, ...FORMAT, '--unset': 'switch', '-u': 'switch', '--quiet': 'switch', '-q': 'switch', '--auto-refresh': 'switch' }, { word: 'profile' }),
  exec: spec(CREDENTIAL, { word: 'profile', rest: 'command' }),
  unset: spec(FORMAT),
  list: spec({ '--long': 'switch', '-l': 'switch' }),
  init: spec({}, { word: 'shell' }),
  status,
  whoami: status,
  // The prompt's --format is a template of its own, not an output format.
  prompt: spec({ '--format': 'free', '-f': 'free' }),
  login: spec(
    { '--no-browser': 'switch', '--use-device-code': 'switch', '--redirect-port': 'free', '--sign-in-timeout': 'free', '--region': 'free', '-r': 'free' },
    { word: 'profile' },
  ),
  logout: spec({ '--all': 'switch' }, { word: 'profile' }),
  sso: spec(
    {},
    {
      subcommands: {
        profiles: spec(
          { '--start-url': 'free', '--sso-region': 'free', '--session-name': 'free', '--region': 'free', '-r': 'free', '--write': 'switch' },
          { word: 'profile' },
        ),
      },
    },
  ),
  mfa: spec({}, { subcommands: { setup: spec({ '--serial': 'free', '--force': 'switch' }, { word: 'profile' }) } }),
  console: spec(
    {
      '--print': 'switch',
      '--service': 'free',
      '--region': 'free',
      '-r': 'free',
      '--duration': 'free',
      '--mfa-code': 'free',
      '--mfa-serial': 'free',
      '--timeout': 'free',
      '--refresh': 'switch',
      '--no-cache': 'switch',
    },
    { word: 'profile' },
  ),
};
