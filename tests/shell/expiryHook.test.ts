import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_MARGIN_SECONDS } from '../../src/providers/runChain';
import { makeHome } from '../support/cli';
import { integrationFile } from '../support/shellIntegration';
import { runInShell, shellEnv, BASH, FISH, ZSH, type Shell } from '../support/shellRun';
import { killTtySessions, occurrences, startTtySession, withoutControls } from '../support/ttySession';

/**
 * The prompt hooks of the shell integration: a warning once when the exported credentials near their end, and
 * with awsuse --auto-refresh new ones. In interactive bash, zsh and fish on a pseudo-terminal, with credentials from a
 * credential_process that says how long they last (no AWS involved); and each hook alone, with no command on PATH,
 * which shows that a prompt that needs no warning starts no process.
 */

// The process prints keys numbered by how often it ran, and the minutes each run's keys last, in order, from `plan`
// (the last entry repeats; "fail" fails).
const CREDS = `#!/bin/sh
dir=$(dirname "$0")
n=$(( $(cat "$dir/runs" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$dir/runs"
minutes=$(sed -n "\${n}p" "$dir/plan")
[ -n "$minutes" ] || minutes=$(tail -n 1 "$dir/plan")
[ "$minutes" = fail ] && { echo "no more keys" >&2; exit 1; }
printf '{"Version":1,"AccessKeyId":"ASIARUN%s","SecretAccessKey":"s","SessionToken":"t","Expiration":"%s"}\\n' "$n" "$(date -u -d "+$minutes min" +%Y-%m-%dT%H:%M:%SZ)"
`;

function world(plan: readonly string[]) {
  const made = makeHome({});
  const creds = path.join(made.home, 'creds');
  fs.mkdirSync(creds);
  fs.writeFileSync(path.join(creds, 'process'), CREDS, { mode: 0o755 });
  fs.writeFileSync(path.join(creds, 'plan'), `${plan.join('\n')}\n`);
  fs.writeFileSync(path.join(made.home, '.aws', 'config'), `[profile soon]\ncredential_process = ${creds}/process\nregion = eu-west-1\n`);
  return { ...made, runs: () => Number(fs.readFileSync(path.join(creds, 'runs'), 'utf8')) };
}

const homes: string[] = [];
afterEach(() => killTtySessions());
afterAll(() => homes.forEach((home) => fs.rmSync(home, { recursive: true, force: true })));

interface Interactive {
  readonly shell: Shell;
  readonly start: string;
  /** A prompt of its own, then the integration. */
  readonly setup: (file: string) => string;
  readonly hook: string;
}

const SHELLS: readonly Interactive[] = [
  { shell: BASH, start: 'bash --norc --noprofile -i', setup: (file) => `PS1='P> '; source ${file}`, hook: '__awsenv_expiry_hook' },
  { shell: ZSH, start: 'zsh -f -i', setup: (file) => `PS1='P> '; source ${file}`, hook: '__awsenv_expiry_hook' },
  { shell: FISH, start: 'fish --no-config -i', setup: (file) => `function fish_prompt; echo -n 'P> '; end; source ${file}`, hook: '__awsenv_expiry_hook' },
];

const WARNING = 'awsenv: the credentials of profile "soon" expire in';

describe.each(SHELLS.map((s) => [s.shell.name, s] as const))('the prompt hook of %s, on a terminal', (_name, { shell, start, setup }) => {
  async function session(plan: readonly string[], awsuse: string) {
    const made = world(plan);
    homes.push(made.home);
    const tty = startTtySession(start, { ...shellEnv(made.home, { TERM: 'xterm' }, [made.binDir]) });
    tty.type(`${setup(integrationFile(shell.name === 'fish' ? 'fish' : shell.name === 'zsh' ? 'zsh' : 'bash'))}\n`);
    tty.type(`${awsuse}\n`);
    await tty.waitFor('awsenv: using profile "soon"');
    // Two more prompts: the hook must have said what it says by the first, and nothing again at the second.
    tty.type('echo "one-$AWS_ACCESS_KEY_ID"\n');
    await tty.waitFor('one-ASIARUN');
    tty.type('echo "two-$AWS_ACCESS_KEY_ID"\n');
    await tty.waitFor('two-ASIARUN');
    tty.type('exit\n');
    const { screen } = await tty.exit();
    return { screen: withoutControls(screen).replace(/\r/g, ''), runs: made.runs() };
  }

  test('credentials within ten minutes of their end: one warning, at the next prompt, with the command that renews them', async () => {
    const { screen, runs } = await session(['5'], 'awsuse soon');
    expect(occurrences(screen, WARNING)).toBe(1);
    expect(screen).toMatch(/expire in [45]m: awsuse soon\n/);
    expect(screen.indexOf(WARNING)).toBeLessThan(screen.indexOf('one-ASIARUN1'));
    expect(runs).toBe(1);
  }, 30000);

  test('credentials that last: no warning', async () => {
    const { screen } = await session(['60'], 'awsuse soon');
    expect(screen).not.toContain('awsenv: the credentials');
    expect(screen).toContain('two-ASIARUN1');
  }, 30000);

  test('--auto-refresh: new credentials before the next prompt, without a word', async () => {
    const { screen, runs } = await session(['5', '60'], 'awsuse soon --auto-refresh');
    expect(screen).not.toContain(WARNING);
    expect(screen).toContain('one-ASIARUN2');
    expect(screen).toContain('two-ASIARUN2');
    expect(runs).toBe(2);
  }, 30000);

  test('--auto-refresh that cannot renew: one warning that says so, and no second try', async () => {
    const { screen, runs } = await session(['5', 'fail'], 'awsuse soon --auto-refresh');
    expect(occurrences(screen, WARNING)).toBe(1);
    expect(screen).toMatch(/expire in [45]m and cannot be renewed without you: awsuse soon\n/);
    expect(screen).toContain('two-ASIARUN1');
    expect(runs).toBe(2);
  }, 30000);
});

/** The hook alone, in a shell whose PATH holds nothing: any command it started would fail and say so on stderr. */
describe.each(SHELLS.map((s) => [s.shell.name, s] as const))('the prompt hook of %s, alone', (_name, { shell, hook }) => {
  const file = integrationFile(shell.name === 'fish' ? 'fish' : shell.name === 'zsh' ? 'zsh' : 'bash');
  const now = Math.floor(Date.now() / 1000);
  const run = async (state: string | undefined, calls = 1) => {
    const call = Array.from({ length: calls }, () => hook).join('\n');
    const result = await runInShell(shell, {
      setup: `source ${file}`,
      body:
        shell.dialect === 'fish'
          ? `set -l kept $PATH; set PATH /nonexistent; false; ${call}\nset -g HOOK_STATUS $status; set PATH $kept`
          : `kept=$PATH; PATH=/nonexistent; false; ${call}\nHOOK_STATUS=$?; PATH=$kept`,
      names: ['HOOK_STATUS'],
      env: { ...shellEnv('/nonexistent'), AWSENV_PROFILE: `it's`, ...(state === undefined ? {} : { AWSENV_STATE: state }) },
      cwd: os.tmpdir(),
    });
    return result;
  };

  test.each<[string, string | undefined, RegExp | '']>([
    ['nothing exported', undefined, ''],
    ['long-term keys (no expiry)', 'had.AWS_REGION=x', ''],
    ['an hour left', `expires=${now + 3600}&region=eu-west-1`, ''],
    ['five minutes left', `region=eu-west-1&expires=${now + 300}`, /^awsenv: the credentials of profile "it's" expire in [45]m: awsuse it\\'s\n$/],
    ['half a minute left', `expires=${now + 30}`, /^awsenv: the credentials of profile "it's" expire in <1m: awsuse it\\'s\n$/],
    ['expired', `expires=${now - 5}`, /^awsenv: the credentials of profile "it's" have expired: awsuse it\\'s\n$/],
  ])('%s', async (_title, state, expected) => {
    const result = await run(state, 2);
    if (expected === '') expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(expected);
  });

  if (shell.name === 'bash') {
    test('without EPOCHSECONDS (bash before 5) it reads printf\'s clock, still starting no process', async () => {
      const result = await runInShell(shell, {
        setup: `source ${file}; unset EPOCHSECONDS`,
        body: `kept=$PATH; PATH=/nonexistent; ${hook}; PATH=$kept`,
        names: [],
        env: { ...shellEnv('/nonexistent'), AWSENV_PROFILE: 'p', AWSENV_STATE: `expires=${now + 300}` },
        cwd: os.tmpdir(),
      });
      expect(result.stderr).toMatch(/^awsenv: the credentials of profile "p" expire in [45]m: awsuse p\n$/);
    });

    test('keeps the status of the command before the prompt, for what PROMPT_COMMAND runs after it', async () => {
      const result = await run(`expires=${now + 300}`);
      expect(result.vars.get('HOOK_STATUS')).toEqual(['1']);
    });
  }
});

test.each(['bash', 'zsh', 'fish'] as const)('the %s hook renews where awsenv stops reusing cached credentials', (shell) => {
  // The hooks write the margin as a number: a renewal earlier than awsenv's margin would get the same credentials.
  const margins = [...fs.readFileSync(integrationFile(shell), 'utf8').matchAll(/expires - (\d+)/g)].map((m) => Number(m[1]));
  expect(margins.length).toBeGreaterThan(0);
  expect(new Set(margins)).toEqual(new Set([EXPORT_MARGIN_SECONDS]));
});

describe('the bash integration, loaded twice', () => {
  test.each<[string, string]>([
    ['a PROMPT_COMMAND string', `PROMPT_COMMAND='echo mine'`],
    ['a PROMPT_COMMAND array', `PROMPT_COMMAND=('echo mine' 'echo other')`],
    ['no PROMPT_COMMAND', ''],
  ])('adds the hook to %s once, in front', async (_title, before) => {
    const file = integrationFile('bash');
    const result = await runInShell(BASH, {
      setup: `${before}\nsource ${file}\nsource ${file}`,
      body: 'HOOKS=$(declare -p PROMPT_COMMAND)',
      names: ['HOOKS'],
      env: shellEnv('/nonexistent'),
      cwd: os.tmpdir(),
    });
    const hooks = result.vars.get('HOOKS')?.[0] ?? '';
    expect(occurrences(hooks, '__awsenv_expiry_hook')).toBe(1);
    expect(hooks).toMatch(/PROMPT_COMMAND=(\(\[0\]=)?"__awsenv_expiry_hook/);
    if (before) expect(hooks).toContain('echo mine');
  });
});
