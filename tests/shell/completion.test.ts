import fs from 'node:fs';
import path from 'node:path';
import { makeHome } from '../support/cli';
import { BASH, FISH, ZSH, removeShellTempDirs, takeFiles, runInShell, shellEnv, shellTempDir } from '../support/shellRun';
import { INTEGRATION_SHELLS, LOADS, loadIntegration, type IntegrationShell, type Load } from '../support/shellIntegration';

/**
 * Completion of profile names after awsuse, from `awsenv list`. bash and fish are asked the way their completion
 * machinery asks; zsh's compadd cannot run outside a completion widget, so a stand-in records what _awsuse offers.
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

async function complete(integration: IntegrationShell, load: Load, sandbox: Sandbox, body: string, prefix: string, setup = '') {
  const result = await runInShell(integration.shell, {
    setup: `${setup}\n${loadIntegration(integration, load)}`,
    body,
    names: [],
    args: [prefix],
    env: shellEnv(sandbox.home, {}, [sandbox.binDir]),
    cwd,
  });
  expect(result.stderr).toBe('');
  return result.bodyOutput;
}

const sorted = (names: readonly string[]) => [...names].sort();

const [bash, zsh, fish] = [BASH, ZSH, FISH].map((shell) => INTEGRATION_SHELLS.find((s) => s.shell === shell)!);

describe.each(LOADS)('bash, loaded by %s', (load) => {
  // What bash does on TAB after `awsuse PREFIX`: COMP_WORDS and COMP_CWORD set, the function called, COMPREPLY read.
  const offered = async (sandbox: Sandbox, prefix: string) => {
    const body = 'COMP_WORDS=(awsuse "$1"); COMP_CWORD=1; _awsuse_complete; printf \'%s\\0\' "${#COMPREPLY[@]}" "${COMPREPLY[@]}"';
    const [count, ...words] = (await complete(bash, load, sandbox, body, prefix)).split('\0').slice(0, -1);
    expect(words).toHaveLength(Number(count));
    return words;
  };

  test('registers _awsuse_complete for awsuse', async () => {
    expect(await complete(bash, load, tame, 'complete -p awsuse', '')).toContain('-F _awsuse_complete awsuse');
  });

  test.each([
    ['', TAME],
    ['prod', ['prod-eu', 'prod-us']],
    ['sta', ['staging']],
    ['nothing-like-it', []],
  ])('offers the profiles starting with %j', async (prefix, expected) => {
    expect(await offered(tame, prefix)).toEqual(expected);
  });

  test('offers every profile name verbatim', async () => {
    expect(await offered(weird, '')).toEqual(sorted(WEIRD));
  });

  // Regression: compgen -W expands its word list, so a profile named $(cmd) ran cmd on every TAB.
  test('never runs a profile name', async () => {
    await offered(weird, '');
    expect(fs.readdirSync(canary)).toEqual([]);
  });
});

describe.each(LOADS)('fish, loaded by %s', (load) => {
  // complete -C prints the candidates for a command line, one a line, a description after a tab.
  const offered = async (sandbox: Sandbox, prefix: string) =>
    (await complete(fish, load, sandbox, 'complete -C "awsuse $argv[1]"', prefix))
      .split('\n')
      .slice(0, -1)
      .map((line) => line.split('\t')[0]);

  test.each([
    ['', TAME],
    ['prod', ['prod-eu', 'prod-us']],
    ['nothing-like-it', []],
  ])('offers the profiles starting with %j, and no files', async (prefix, expected) => {
    expect(sorted(await offered(tame, prefix))).toEqual(expected);
  });

  test('offers every profile name verbatim, and runs none', async () => {
    expect(sorted(await offered(weird, ''))).toEqual(sorted(WEIRD));
    expect(fs.readdirSync(canary)).toEqual([]);
  });
});

describe.each(LOADS)('zsh, loaded by %s', (load) => {
  test('registers _awsuse with compdef once compinit has run', async () => {
    const compinit = 'autoload -Uz compinit && compinit -u -D';
    expect(await complete(zsh, load, tame, 'print -r -- "$_comps[awsuse]"', '', compinit)).toBe('_awsuse\n');
  });

  test.each([
    ['the configured profiles', tame, TAME],
    ['every profile name verbatim, running none', weird, WEIRD],
  ])('_awsuse offers %s', async (_label, sandbox, expected) => {
    const recorder = 'compadd() { [[ $1 == -a && $# == 2 ]] || { print -r -- "unexpected: compadd $*"; return 1 }; local -a got; got=("${(@P)2}"); printf \'%s\\0\' "${got[@]}"; }';
    const output = await complete(zsh, load, sandbox, `${recorder}\n_awsuse`, '');
    expect(sorted(output.split('\0').slice(0, -1))).toEqual(sorted(expected));
  });
});
