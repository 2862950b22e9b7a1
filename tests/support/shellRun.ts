import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real shell, started without any rc file, and the family of code it evaluates. */
export interface Shell {
  readonly name: string;
  readonly command: readonly [string, ...string[]];
  readonly dialect: 'sh' | 'fish';
}

export const BASH: Shell = { name: 'bash', command: ['bash', '--norc', '--noprofile'], dialect: 'sh' };
export const ZSH: Shell = { name: 'zsh', command: ['zsh', '-f'], dialect: 'sh' };
export const FISH: Shell = { name: 'fish', command: ['fish', '--no-config'], dialect: 'fish' };
/** /bin/sh: dash on Debian, the strictest POSIX shell a user's `eval` is likely to meet. */
export const POSIX_SH: Shell = { name: 'sh', command: ['sh'], dialect: 'sh' };
/** RC_QUOTES makes '' inside single quotes a quote, the one zsh option that changes how single quotes read. */
export const ZSH_RC_QUOTES: Shell = { name: 'zsh -o rcquotes', command: ['zsh', '-f', '-o', 'rcquotes'], dialect: 'sh' };

export interface ShellScript {
  /** Runs first, e.g. loading the integration; whatever it prints is returned as `setupOutput`. */
  readonly setup?: string;
  /** The code under test; what it prints is `bodyOutput`, its exit status `status`. */
  readonly body: string;
  /** Variables to read back after the body, from the shell itself and from the environment it exports. */
  readonly names: readonly string[];
  /** Positional parameters: $1… in sh, $argv in fish. Passing values this way keeps the test free of quoting. */
  readonly args?: readonly string[];
  /** The complete environment of the shell (nothing of the test runner's leaks in). */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface ShellResult {
  readonly setupOutput: string;
  readonly bodyOutput: string;
  readonly status: number;
  /** Every name of `names` that is set in the shell, with its elements (always one in sh; fish has lists). */
  readonly vars: ReadonlyMap<string, readonly string[]>;
  /** What a child process of the shell receives: `env -0` after the body. */
  readonly exported: ReadonlyMap<string, string>;
  readonly stderr: string;
}

// Markers separate what the setup, the body and the read-back print; a name can never start with "=".
const BEGIN = '=begin';
const STATUS = '=status';
const ENV = '=env';

function readBack(shell: Shell, names: readonly string[]): string {
  if (names.some((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))) throw new Error(`not a variable name: ${names.join(' ')}`);
  const each =
    shell.dialect === 'fish'
      ? names.map((n) => `if set -q ${n}; printf '%s\\0' ${n} (count $${n}) $${n}; end`)
      : names.map((n) => `if [ -n "\${${n}+x}" ]; then printf '%s\\0' ${n} 1 "$${n}"; fi`);
  return [...each, `printf '%s\\0' '${ENV}'`, 'env -0'].join('\n');
}

export async function runInShell(shell: Shell, script: ShellScript): Promise<ShellResult> {
  const status = shell.dialect === 'fish' ? '$status' : '"$?"';
  const text = [script.setup ?? '', `printf '%s\\0' '${BEGIN}'`, script.body, `printf '%s\\0' '${STATUS}' ${status}`, readBack(shell, script.names)].join('\n');
  const [file, ...flags] = shell.command;
  // sh -c takes $0 before the positional parameters; fish -c takes them straight into $argv.
  const args = shell.dialect === 'fish' ? [...flags, '-c', text, ...(script.args ?? [])] : [...flags, '-c', text, 'awsenv-test', ...(script.args ?? [])];
  const { stdout, stderr } = await run(file, args, script.env, script.cwd);
  return parse(stdout, stderr, shell.name);
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // A shell that fails still has its output read: parse() explains what is missing.
    execFile(file, args, { env, cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20000 }, (_error, stdout, stderr) =>
      resolve({ stdout, stderr }),
    );
  });
}

function parse(stdout: string, stderr: string, shellName: string): ShellResult {
  const begin = stdout.indexOf(`${BEGIN}\0`);
  const end = stdout.indexOf(`${STATUS}\0`, begin);
  if (begin < 0 || end < 0) throw new Error(`${shellName} did not run the script to its end.\nstdout: ${stdout}\nstderr: ${stderr}`);
  const tokens = stdout.slice(end + STATUS.length + 1).split('\0');
  const vars = new Map<string, string[]>();
  let i = 1;
  while (tokens[i] !== ENV) {
    const name = tokens[i];
    const count = Number(tokens[i + 1]);
    vars.set(name, tokens.slice(i + 2, i + 2 + count));
    i += 2 + count;
    if (i >= tokens.length) throw new Error(`${shellName}: read-back cut short.\nstderr: ${stderr}`);
  }
  const exported = new Map(
    tokens
      .slice(i + 1)
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as const),
  );
  return {
    setupOutput: stdout.slice(0, begin),
    bodyOutput: stdout.slice(begin + BEGIN.length + 1, end),
    status: Number(tokens[0]),
    vars,
    exported,
    stderr,
  };
}

const madeDirs: string[] = [];

/** A fresh empty directory: a HOME or a working directory in which any file that appears is evidence. */
export function shellTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `awsenv-${label}-`));
  madeDirs.push(dir);
  return dir;
}

/** The files that appeared in dir (a canary directory), removed so that the next test starts from an empty one. */
export function takeFiles(dir: string): string[] {
  const files = fs.readdirSync(dir);
  for (const file of files) fs.rmSync(path.join(dir, file), { recursive: true });
  return files;
}

/** For afterAll: removes every directory shellTempDir() made. */
export function removeShellTempDirs(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The plain environment of a login with nothing configured: HOME, a PATH without the runner's, a locale. */
export function shellEnv(home: string, extra: NodeJS.ProcessEnv = {}, pathDirs: readonly string[] = []): NodeJS.ProcessEnv {
  return { HOME: home, PATH: [...pathDirs, '/usr/local/bin', '/usr/bin', '/bin'].join(':'), LC_ALL: 'C.UTF-8', ...extra };
}
