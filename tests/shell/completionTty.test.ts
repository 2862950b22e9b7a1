import fs from 'node:fs';
import path from 'node:path';
import { makeHome } from '../support/cli';
import { removeShellTempDirs, shellEnv, shellTempDir, takeFiles } from '../support/shellRun';
import { killTtySessions, startTtySession } from '../support/ttySession';

/**
 * TAB pressed at a terminal, in interactive bash, zsh (with compinit) and fish that loaded the integration as the
 * README says: readline, zle and fish's reader run the completion and insert the word themselves. Each line is then
 * run as `printf "[%s]" LINE` (Ctrl-A goes to the start of the line), so the test sees the words the shell read from
 * what was inserted, quoting included.
 */

const canary = shellTempDir('canary');
const keys = 'aws_access_key_id = AKIAX\naws_secret_access_key = s\n';
const NAMES = ['dev', 'prod', 'two words', 'home$HOME', `$(touch ${canary}/dollar)`];
const sandbox = makeHome({ credentials: NAMES.map((name) => `[${name}]\n${keys}`).join('\n') });
const cwd = shellTempDir('cwd');
fs.writeFileSync(path.join(cwd, 'out-file'), '');
const tools = shellTempDir('tools');
fs.writeFileSync(path.join(tools, 'awsenv-test-tool'), '#!/bin/sh\n', { mode: 0o755 });

const rc = shellTempDir('rc');
fs.writeFileSync(path.join(rc, 'bashrc'), `PS1='$ '\neval "$(awsenv init bash)"\n`);
fs.writeFileSync(path.join(rc, '.zshrc'), `PS1='$ '\nautoload -Uz compinit && compinit -u -D\neval "$(awsenv init zsh)"\n`);

const SHELLS = [
  ['bash', `bash --rcfile ${rc}/bashrc -i`],
  ['zsh', 'zsh -i'],
  ['fish', "fish --no-config -i -C 'awsenv init fish | source'"],
] as const;

/** The README's examples, `$ LINE<TAB>  →  COMPLETED` in its shell-integration section, as the words of the line. */
const README = path.resolve(__dirname, '..', '..', '..', 'README.md');
const readmeCases = [...fs.readFileSync(README, 'utf8').matchAll(/^ *\$ (.+?)<TAB> +→ +(.+)$/gm)].map(
  ([, typed, completed]) => [typed, completed.split(/(?<!\\) /).map((word) => word.replace(/\\(.)/g, '$1'))] as [string, string[]],
);

const CASES: [typed: string, words: string[]][] = [
  ...readmeCases,
  ['awsuse home', ['awsuse', 'home$HOME']],
  // Escaped: a bare $ is where zsh and fish complete their own variables.
  ['awsuse \\$', ['awsuse', NAMES[4]]],
  ['awsenv export two', ['awsenv', 'export', 'two words']],
  ['awsenv export -o out-f', ['awsenv', 'export', '-o', 'out-file']],
  ['awsenv exec dev awsenv-test-to', ['awsenv', 'exec', 'dev', 'awsenv-test-tool']],
];

afterEach(() => {
  killTtySessions();
  expect(takeFiles(canary)).toEqual([]);
});
afterAll(() => {
  removeShellTempDirs();
  fs.rmSync(sandbox.home, { recursive: true, force: true });
});

test('the README shows examples to run', () => {
  expect(readmeCases.length).toBeGreaterThanOrEqual(3);
});

describe.each(SHELLS)('%s at a terminal', (_shell, command) => {
  test.each(CASES)('TAB after %j gives the words %j', async (typed, words) => {
    const env = shellEnv(sandbox.home, { TERM: 'xterm', ZDOTDIR: rc }, [sandbox.binDir, tools]);
    const session = startTtySession(`cd ${cwd} && exec ${command}`, env);
    session.type(`${typed}\t\x01printf "[%s]" \r`);
    await session.waitFor(words.map((word) => `[${word}]`).join(''));
    session.type('exit\r');
    expect((await session.exit()).code).toBe(0);
  });
});
