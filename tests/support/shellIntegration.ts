import path from 'node:path';
import { BASH, FISH, ZSH, type Shell, type ShellResult } from './shellRun';

/** shell/ at the package root; tests are compiled to dist/tests/support/. */
export const INTEGRATION_DIR = path.resolve(__dirname, '..', '..', '..', 'shell');

export const integrationFile = (shell: 'bash' | 'zsh' | 'fish') => path.join(INTEGRATION_DIR, `awsenv.${shell}`);

// Embedded in scripts unquoted, so it must need no quoting.
if (!/^[\w/.-]+$/.test(INTEGRATION_DIR)) throw new Error(`the checkout path needs quoting in a script: ${INTEGRATION_DIR}`);

export interface IntegrationShell {
  readonly shell: Shell;
  readonly init: 'bash' | 'zsh' | 'fish';
}

export const INTEGRATION_SHELLS: readonly IntegrationShell[] = [
  { shell: BASH, init: 'bash' },
  { shell: ZSH, init: 'zsh' },
  { shell: FISH, init: 'fish' },
];

/** The two ways the README gives to load the integration: evaluating `awsenv init`, or sourcing the file. */
export const LOADS = ['awsenv init', 'source'] as const;
export type Load = (typeof LOADS)[number];

export function loadIntegration({ shell, init }: IntegrationShell, load: Load): string {
  if (load === 'source') return `source ${integrationFile(init)}`;
  return shell.dialect === 'fish' ? `awsenv init ${init} | source` : `eval "$(awsenv init ${init})"`;
}

/** The exit status of every awsuse call, in order, kept in a shell variable so that nothing is printed. */
export const STATUS_VAR = 'AWSENV_TEST_STATUSES';

/**
 * One command line per call, each run whatever the one before returned. The arguments go in as positional
 * parameters, numbered from 1 across all calls, so no test value is ever quoted by hand.
 */
export function awsuseCalls(shell: Shell, calls: readonly (readonly string[])[]): { body: string; args: string[] } {
  let n = 0;
  const ref = () => {
    n += 1;
    return shell.dialect === 'fish' ? `$argv[${n}]` : `"\${${n}}"`;
  };
  const record = shell.dialect === 'fish' ? `set -g ${STATUS_VAR} $${STATUS_VAR} $status` : `${STATUS_VAR}="\${${STATUS_VAR}-} $?"`;
  const lines = calls.map((call) => `${['awsuse', ...call.map(ref)].join(' ')}; ${record}`);
  return { body: lines.join('\n'), args: calls.flat() };
}

export const statusesOf = (result: ShellResult): number[] => (result.vars.get(STATUS_VAR) ?? []).join(' ').split(' ').filter(Boolean).map(Number);
