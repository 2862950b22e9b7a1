import fs from 'node:fs';
import path from 'node:path';
import { makeHome } from '../support/cli';
import { BASH, FISH, ZSH, removeShellTempDirs, takeFiles, runInShell, shellEnv, shellTempDir } from '../support/shellRun';
import { INTEGRATION_SHELLS, LOADS, loadIntegration, type IntegrationShell, type Load } from '../support/shellIntegration';
import { COMPLETION_SPEC } from '../../src/cli/completionSpec';
import { SHELLS } from '../../src/cli/command';
import { formatChoices } from '../../src/render/formats';

/**
 * Completion of awsenv and awsuse, from `awsenv __complete`. bash and fish are asked the way their completion
 * machinery asks (bash: COMP_LINE and COMP_POINT set, the function called, COMPREPLY read; fish: complete -C); zsh's
 * compadd cannot run outside a completion widget, so a stand-in records what the function offers, matched against
 * the word as zsh's default matcher does. completionTty.test.ts presses TAB in all three at a terminal.
 */

const canary = shellTempDir('canary');
const touch = (name: string) => `touch ${canary}/${name}`;

const TAME = ['plain', 'prod-eu', 'prod-us', 'staging'];
// Names a user can give a section of the credentials file. The completion must offer them as they are, and run none.
const WEIRD = [`$(${touch('dollar')})`, `\`${touch('backtick')}\``, 'home$HOME', "quote'name", 'star*', 'brace{a,b}', 'semi;amp&pipe|', 'two words'];

const keys = 'aws_access_key_id = AKIAX\naws_secret_access_key = s\n';
const tame = makeHome({
  credentials: ['plain', 'prod-eu', 'prod-us'].map((name) => `[${name}]\n${keys}`).join('\n'),
  config: '[profile staging]\nregion = us-east-1\n',
});
const weird = makeHome({ credentials: WEIRD.map((name) => `[${name}]\n${keys}`).join('\n') });

// The working directory holds files a careless completion would offer or glob against.
const cwd = shellTempDir('cwd');
for (const file of ['prod-file', 'star-file']) fs.writeFileSync(path.join(cwd, file), '');

afterAll(() => {
  removeShellTempDirs();
  for (const { home } of [tame, weird]) fs.rmSync(home, { recursive: true, force: true });
});

afterEach(() => {
  expect(takeFiles(canary)).toEqual([]);
});

type Sandbox = typeof tame;

async function complete(integration: IntegrationShell, load: Load, sandbox: Sandbox, body: string, line: string, setup = '') {
  const result = await runInShell(integration.shell, {
    setup: `${setup}\n${loadIntegration(integration, load)}`,
    body,
    names: [],
    args: [line],
    env: shellEnv(sandbox.home, {}, [sandbox.binDir]),
    cwd,
  });
  expect(result.stderr).toBe('');
  return result.bodyOutput;
}

const sorted = (names: readonly string[]) => [...names].sort();
const nulSeparated = (output: string) => output.split('\0').slice(0, -1);

const [bash, zsh, fish] = [BASH, ZSH, FISH].map((shell) => INTEGRATION_SHELLS.find((s) => s.shell === shell)!);

const COMMANDS = Object.keys(COMPLETION_SPEC);

/** Lines, and the words completing the last one, in every shell; none of them holds a character bash breaks words at. */
const LINES: [line: string, offered: readonly string[]][] = [
  ['awsenv ', [...COMMANDS, ...TAME]],
  ['awsenv li', ['list']],
  ['awsenv pro', ['prod-eu', 'prod-us', 'prompt']],
  ['awsenv export ', TAME],
  ['awsenv export prod', ['prod-eu', 'prod-us']],
  ['awsenv --debug use -q sta', ['staging']],
  ['awsenv list ', []],
  ['awsenv plain ', []],
  ['awsenv init ', SHELLS],
  ['awsenv init z', ['zsh']],
  ['awsenv -f ', formatChoices],
  ['awsenv plain --format j', ['json']],
  ['awsenv unset -f p', ['powershell', 'process']],
  ['awsenv use --fo', ['--format']],
  ['awsenv list -', Object.keys(COMPLETION_SPEC.list.flags)],
  ['awsenv sso ', ['profiles']],
  ['awsenv sso profiles pl', ['plain']],
  ['awsenv mfa setup --force st', ['staging']],
  ['awsenv exec plain --no-c', ['--no-cache']],
  ['awsuse ', TAME],
  ['awsuse prod', ['prod-eu', 'prod-us']],
  ['awsuse -r eu-west-1 sta', ['staging']],
  ['awsuse plain -f fi', ['fish']],
  ['awsuse --un', ['--unset']],
  ['awsuse nothing-like-it', []],
];

describe.each(LOADS)('bash, loaded by %s', (load) => {
  // What bash does on TAB: COMP_LINE and COMP_POINT set (and COMP_WORDS, which the integration does not read), the
  // function that complete -p names (the test above) called, COMPREPLY read. Each reply is then read back as bash
  // reads a command line.
  const offered = async (sandbox: Sandbox, line: string) => {
    const body = [
      'COMP_LINE=$1; COMP_POINT=${#1}; "_${1%% *}_complete"',
      'printf \'%s\\0\' "${#COMPREPLY[@]}"',
      'for reply in "${COMPREPLY[@]}"; do eval "printf \'%s\\0\' $reply"; done',
    ].join('\n');
    const [count, ...words] = nulSeparated(await complete(bash, load, sandbox, body, line));
    expect(words).toHaveLength(Number(count));
    return words;
  };

  test.each([['awsenv'], ['awsuse']])('registers a completion function for %s', async (command) => {
    expect(await complete(bash, load, tame, `complete -p ${command}`, '')).toMatch(new RegExp(`^complete -F _${command}_complete ${command}$`, 'm'));
  });

  test.each(LINES)('%j offers %j', async (line, expected) => {
    expect(sorted(await offered(tame, line))).toEqual(sorted(expected));
  });

  // Regression: awsuse offered the names bare, and readline inserts a word as given, so `two words` became two words
  // on the line and `home$HOME` was expanded when the line ran.
  test.each([['awsuse '], ['awsenv export ']])('%j offers every profile name quoted, so the line reads it back verbatim', async (line) => {
    expect(sorted(await offered(weird, line))).toEqual(sorted(WEIRD));
  });

  // Regression: compgen -W expands its word list, so a profile named $(cmd) ran cmd on every TAB.
  test('never runs a profile name', async () => {
    await offered(weird, 'awsuse ');
    expect(fs.readdirSync(canary)).toEqual([]);
  });

  // readline replaces only what follows the last of COMP_WORDBREAKS in the word (= here), so that is what is offered.
  test('offers --format=VALUE as the value after the =', async () => {
    expect(await offered(tame, 'awsenv --format=js')).toEqual(['json']);
  });

  test('completes a name typed with a backslash', async () => {
    expect(await offered(weird, 'awsenv export two\\ w')).toEqual(['two words']);
  });

  // readline completes the text after an opening quote and inserts the word inside it, so there it goes unquoted.
  test('completes a name typed inside a quote, for the quote', async () => {
    const body = 'COMP_LINE=$1; COMP_POINT=${#1}; _awsuse_complete; printf \'%s\\0\' "${COMPREPLY[@]}"';
    expect(nulSeparated(await complete(bash, load, weird, body, "awsuse 'two w"))).toEqual(['two words']);
  });

  test('offers the commands on PATH for exec\'s command, and nothing else', async () => {
    expect(await offered(tame, 'awsenv exec plain awsen')).toEqual(['awsenv']);
    expect(await offered(tame, 'awsenv exec plain -- awsen')).toEqual(['awsenv']);
  });
});

describe.each(LOADS)('fish, loaded by %s', (load) => {
  // complete -C prints the candidates for a command line, one a line, a description after a tab.
  const offered = async (sandbox: Sandbox, line: string, setup = '') =>
    (await complete(fish, load, sandbox, 'complete -C "$argv[1]"', line, setup))
      .split('\n')
      .slice(0, -1)
      .map((candidate) => candidate.split('\t')[0]);

  test.each(LINES)('%j offers %j, and no files', async (line, expected) => {
    expect(sorted(await offered(tame, line))).toEqual(sorted(expected));
  });

  test.each([['awsuse '], ['awsenv export ']])('%j offers every profile name verbatim, and runs none', async (line) => {
    expect(sorted(await offered(weird, line))).toEqual(sorted(WEIRD));
    expect(fs.readdirSync(canary)).toEqual([]);
  });

  test('offers --format=VALUE', async () => {
    expect(await offered(tame, 'awsenv --format=js')).toEqual(['--format=json']);
  });

  test('offers files for --output', async () => {
    expect(sorted(await offered(tame, 'awsenv export -o '))).toEqual(['prod-file', 'star-file']);
  });

  test('completes exec\'s command as fish completes that command', async () => {
    const tool = 'complete -c awsenv-test-tool -f -a "alpha beta"';
    expect(sorted(await offered(tame, 'awsenv exec plain awsenv-test-tool ', tool))).toEqual(['alpha', 'beta']);
    expect(await offered(tame, 'awsenv exec plain -- awsenv-test-tool al', tool)).toEqual(['alpha']);
  });
});

describe.each(LOADS)('zsh, loaded by %s', (load) => {
  const compinit = 'autoload -Uz compinit && compinit -u -D';

  test.each([['awsenv'], ['awsuse']])('registers _%s with compdef once compinit has run', async (command) => {
    expect(await complete(zsh, load, tame, `print -r -- "$_comps[${command}]"`, '', compinit)).toBe(`_${command}\n`);
  });

  // words and CURRENT as zsh sets them in a completion widget (the words as typed), PREFIX the part of the current
  // word before the cursor; the stand-in compadd records what it is given.
  const offered = async (sandbox: Sandbox, line: string) => {
    const recorder = 'compadd() { [[ $1 == -a && $# == 2 ]] || { print -r -- "unexpected: compadd $*"; return 1 }; local -a got; got=("${(@P)2}"); (( $#got )) && printf \'%s\\0\' "${got[@]}"; }';
    const body = [recorder, 'words=(${(z)1}); [[ $1 == *" " ]] && words+=(""); CURRENT=$#words; PREFIX=$words[-1]', '_$words[1]'].join('\n');
    return nulSeparated(await complete(zsh, load, sandbox, body, line));
  };
  // zsh's default matcher: what starts with the word as typed, unquoted.
  const matching = (offered: readonly string[], line: string) => offered.filter((word) => word.startsWith(line.slice(line.lastIndexOf(' ') + 1)));

  test.each(LINES)('%j offers %j', async (line, expected) => {
    expect(sorted(matching(await offered(tame, line), line))).toEqual(sorted(expected));
  });

  test.each([['awsuse '], ['awsenv export ']])('%j offers every profile name verbatim, running none', async (line) => {
    expect(sorted(await offered(weird, line))).toEqual(sorted(WEIRD));
  });

  test('offers --format=VALUE', async () => {
    expect(matching(await offered(tame, 'awsenv --format=js'), 'awsenv --format=js')).toEqual(['--format=json']);
  });
});
