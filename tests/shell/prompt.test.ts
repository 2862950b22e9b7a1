import fs from 'node:fs';
import path from 'node:path';
import { makeHome } from '../support/cli';
import { BASH, FISH, POSIX_SH, ZSH, runInShell, removeShellTempDirs, shellEnv, shellTempDir, takeFiles, type Shell } from '../support/shellRun';

/**
 * The prompt set-ups the README shows, run as written in a real bash, zsh and fish (and starship's custom module's
 * two commands in sh), with the built CLI on PATH: what each prompt shows with credentials exported, past their
 * expiry, with none, and with a profile name that a prompt could take for code or escapes.
 */
const README = path.resolve(__dirname, '..', '..', '..', 'README.md');

/** The README's code block in `language` that sets up a prompt for awsenv. */
function documented(language: string): string {
  const blocks = [...fs.readFileSync(README, 'utf8').matchAll(/```(\w+)\n([\s\S]*?)```/g)].filter((m) => m[1] === language && m[2].includes('awsenv prompt'));
  expect(blocks).toHaveLength(1);
  return blocks[0][2];
}

// A config awsenv prompt would refuse if it read it: the prompt never reads it.
const { home, binDir } = makeHome({ config: '[profile broken\n' });
const canary = shellTempDir('prompt-canary');
afterAll(() => {
  removeShellTempDirs();
  fs.rmSync(home, { recursive: true, force: true });
});
afterEach(() => expect(takeFiles(canary)).toEqual([]));

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60e3).toISOString().replace(/\.\d{3}Z$/, 'Z');
const HOSTILE = `100%F{red}$(touch ${canary}/name)\`touch ${canary}/tick\``;
const STATES: ReadonlyArray<readonly [string, NodeJS.ProcessEnv, string]> = [
  ['credentials with 42 minutes left', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: inMinutes(42.5) }, 'admin (42m)'],
  ['credentials past their expiry', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: inMinutes(-5) }, 'admin (expired)'],
  ['long-term keys', { AWSENV_PROFILE: 'static' }, 'static'],
  ['a profile name made of code and prompt escapes', { AWSENV_PROFILE: HOSTILE }, HOSTILE],
  ['nothing exported', {}, ''],
];

interface Setup {
  readonly shell: Shell;
  readonly language: string;
  /** Shows the prompt the set-up made, as the shell would before reading a command. */
  readonly show: string;
  /** The prompt shown, from the segment. */
  readonly prompt: (segment: string) => string;
}

const SETUPS: readonly Setup[] = [
  // ${PS1@P} expands PS1 as bash does before each command line, command substitutions included.
  { shell: BASH, language: 'bash', show: 'printf %s "${PS1@P}"', prompt: (segment) => `${segment && `[${segment}] `}$ ` },
  { shell: ZSH, language: 'zsh', show: 'for f in $precmd_functions; do $f; done; print -rnP -- $PROMPT', prompt: (segment) => `${segment && `[${segment}] `}> ` },
  { shell: FISH, language: 'fish', show: 'fish_right_prompt', prompt: (segment) => segment },
];

describe.each(SETUPS.map((setup) => [setup.shell.name, setup] as const))('the README\'s %s prompt', (_name, setup) => {
  test.each(STATES)('with %s', async (_state, exported, segment) => {
    const result = await runInShell(setup.shell, {
      // The prompt a shell had before: the README's lines add to it.
      setup: `${setup.shell.dialect === 'fish' ? '' : setup.language === 'bash' ? "PS1='$ '" : "PROMPT='> '"}\n${documented(setup.language)}`,
      body: setup.show,
      names: [],
      env: shellEnv(home, exported, [binDir]),
      cwd: canary,
    });
    expect({ shown: result.bodyOutput, stderr: result.stderr, status: result.status }).toEqual({ shown: setup.prompt(segment), stderr: '', status: 0 });
  });
});

describe('the README\'s starship module', () => {
  const toml = documented('toml');
  const field = (name: string) => {
    const value = new RegExp(`^${name} = (?:"([^"]*)"|'([^']*)')$`, 'm').exec(toml);
    expect(value).not.toBeNull();
    return value![1] ?? value![2];
  };

  // starship runs `when` and `command` with sh; a `when` that fails hides the module.
  test.each(STATES)('with %s', async (_state, exported, segment) => {
    const result = await runInShell(POSIX_SH, {
      body: `if ${field('when')}; then printf '%s|' shown; ${field('command')}; else printf hidden; fi`,
      names: [],
      env: shellEnv(home, exported, [binDir]),
      cwd: canary,
    });
    expect({ shown: result.bodyOutput, stderr: result.stderr }).toEqual({ shown: segment ? `shown|${segment}` : 'hidden', stderr: '' });
  });
});
