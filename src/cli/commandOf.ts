import type { Command, CommandOf, ShellName } from './command';
import { credentialFlags } from './credentialFlags';
import { consoleOf } from './consoleOf';
import { loginOptions } from './loginOptions';

/** The format a command prints in when no --format is given. */
export const DEFAULT_FORMAT = 'sh';

type Argv = Readonly<Record<string, unknown>>;
const text = (value: unknown) => value as string | undefined;

/**
 * Each command's value from its flags and words, keyed as yargs names them, a flag not given absent or at yargs'
 * default. Both parsers build through here, so what a flag means and defaults to is written once.
 */
// `complete` is not among them: parseArgs takes its words verbatim, before either parser.
export const commandOf: { readonly [N in Exclude<Command['name'], 'complete'>]: (argv: Argv) => CommandOf<N> } = {
  export: (a) => ({ name: 'export', flags: credentialFlags(a), format: text(a.format) ?? DEFAULT_FORMAT, output: text(a.output) }),
  use: (a) => ({ name: 'use', flags: credentialFlags(a), format: text(a.format) ?? DEFAULT_FORMAT, unset: Boolean(a.unset), quiet: Boolean(a.quiet), autoRefresh: Boolean(a['auto-refresh']) }),
  exec: (a) => ({ name: 'exec', flags: credentialFlags(a), command: ((a['--'] as unknown[] | undefined) ?? []).map(String) }),
  unset: (a) => ({ name: 'unset', format: text(a.format) ?? DEFAULT_FORMAT }),
  list: (a) => ({ name: 'list', long: Boolean(a.long) }),
  init: (a) => ({ name: 'init', shell: a.shell as ShellName }),
  login: (a) => ({ name: 'login', profile: text(a.profile), signIn: loginOptions(a) }),
  logout: (a) => ({ name: 'logout', profile: text(a.profile), all: Boolean(a.all) }),
  ssoProfiles: (a) => ({ name: 'ssoProfiles', options: { profile: text(a.profile), startUrl: text(a['start-url']), ssoRegion: text(a['sso-region']), sessionName: text(a['session-name']), region: text(a.region), write: Boolean(a.write) } }),
  console: (a) => consoleOf(a),
  mfaSetup: (a) => ({ name: 'mfaSetup', options: { profile: text(a.profile), serial: text(a.serial), force: Boolean(a.force) } }),
  status: (a) => ({ name: 'status', json: Boolean(a.json) }),
  prompt: (a) => ({ name: 'prompt', format: text(a.format) }),
};
