import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoSecret } from './secrets';

/** The bundled bin, as `npm ci` leaves it: tests are compiled to dist/tests/, the bin bundled to dist/awsenv.js. */
export const AWSENV_BIN = path.resolve(__dirname, '..', '..', 'awsenv.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
}

/**
 * Runs the built CLI as a child process in its own session, so it has no controlling terminal (as in CI), with an
 * environment made only of PATH and what the test passes: no AWS_* from the machine running the tests leaks in.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runProcess(process.execPath, [AWSENV_BIN, ...args], options);
}

export function runProcess(file: string, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { PATH: process.env.PATH, ...options.env },
      detached: true,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        expectNoSecret(`the stderr of ${path.basename(file)} ${args.join(' ')}`, stderr);
      } catch (error) {
        reject(error);
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
    // A child may exit before reading its input; that is its business, not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A throwaway HOME with ~/.aws/config and ~/.aws/credentials, and a bin dir holding an `awsenv` command. */
export function makeHome(files: { config?: string; credentials?: string }): { home: string; binDir: string; env: NodeJS.ProcessEnv } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-test-'));
  fs.mkdirSync(path.join(home, '.aws'));
  if (files.config !== undefined) fs.writeFileSync(path.join(home, '.aws', 'config'), files.config);
  if (files.credentials !== undefined) fs.writeFileSync(path.join(home, '.aws', 'credentials'), files.credentials);
  const binDir = path.join(home, 'bin');
  fs.mkdirSync(binDir);
  fs.writeFileSync(path.join(binDir, 'awsenv'), `#!/bin/sh\nexec "${process.execPath}" "${AWSENV_BIN}" "$@"\n`, { mode: 0o755 });
  return { home, binDir, env: { HOME: home, PATH: `${binDir}:${process.env.PATH}` } };
}

/** A failure as awsenv must fail: nothing on stdout, the exit code, no stack trace, and stderr saying each fragment. */
export function expectCleanFailure(result: CliResult, exitCode: number, ...fragments: (string | RegExp)[]) {
  expect(result.stdout).toBe('');
  expect(result.code).toBe(exitCode);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/NodeVersionSupportWarning/);
  for (const fragment of fragments) expect(result.stderr).toMatch(fragment);
}

export const cacheDirOf = (home: string) => path.join(home, '.aws', 'awsenv');

export function cacheFiles(home: string): string[] {
  const dir = cacheDirOf(home);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : [];
}

/** Evaluates sh-format output in a real bash and returns the environment it leaves. */
export async function evalInBash(code: string, env: NodeJS.ProcessEnv = {}): Promise<Record<string, string>> {
  const result = await runProcess('bash', ['--norc', '--noprofile', '-c', `${code}\nenv -0`], { env });
  if (result.code !== 0) throw new Error(`bash failed: ${result.stderr}`);
  return Object.fromEntries(
    result.stdout
      .split('\0')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
