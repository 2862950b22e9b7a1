import { expectNoSecret } from './secrets';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { FakeSso } from '../fakes/sso';
import { AWSENV_BIN, type CliResult } from './cli';

/**
 * The CLI started as a child without a controlling terminal (as runCli does), but watched while it runs: a sign-in
 * shows its code on stderr and waits, and the test plays the person who approves it.
 */
export interface RunningCli {
  stderr(): string;
  /** Resolves with the first match of `pattern` on stderr; rejects with stderr after `timeoutMs` or if the CLI ends first. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly result: Promise<CliResult>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

export function startCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60000): RunningCli {
  const child = spawn(process.execPath, [AWSENV_BIN, ...args], { env: { PATH: process.env.PATH, ...env }, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
    for (const listener of [...listeners]) listener();
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end();
  const timer = setTimeout(() => kill(child), timeoutMs);
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      for (const listener of [...listeners]) listener();
      try {
        expectNoSecret(`the stderr of awsenv ${args.join(' ')}`, stderr);
      } catch (error) {
        reject(error);
        return;
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
  let ended = false;
  void result.then(() => (ended = true));
  return {
    stderr: () => stderr,
    result,
    waitForStderr: (pattern, waitMs = 10000) =>
      new Promise((resolve, reject) => {
        const finish = () => {
          clearTimeout(deadline);
          listeners.delete(check);
        };
        const check = () => {
          const match = pattern.exec(stderr);
          if (match) {
            finish();
            resolve(match);
          } else if (ended || child.exitCode !== null) {
            finish();
            reject(new Error(`awsenv ${args.join(' ')} ended without printing ${pattern}; stderr:\n${stderr}`));
          }
        };
        const deadline = setTimeout(() => {
          finish();
          reject(new Error(`awsenv ${args.join(' ')} never printed ${pattern} in ${waitMs} ms; stderr:\n${stderr}`));
        }, waitMs);
        listeners.add(check);
        check();
      }),
  };
}

function kill(child: ChildProcessWithoutNullStreams) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** For afterEach: a sign-in a failed test left waiting must not outlive it. */
export function killRunningClis(): void {
  for (const child of running) kill(child);
}

// The fake's user codes (RFC 8628 §6.1): two groups of four consonants.
const USER_CODE = /\b([BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4})\b/;

/** Waits for the sign-in code on stderr and returns it. */
export async function userCodeOf(cli: RunningCli): Promise<string> {
  return (await cli.waitForStderr(USER_CODE))[1];
}

/** `awsenv login PROFILE --no-browser`, approved as soon as the code shows, as a person at the browser would. */
export async function loginApproved(profile: string, env: NodeJS.ProcessEnv, sso: FakeSso): Promise<CliResult> {
  const cli = startCli(['login', profile, '--no-browser'], env);
  sso.approve(await userCodeOf(cli));
  return cli.result;
}

/** Stamps each call of the fake with the time the test first saw it, to measure the pace of polling. */
export function watchCallTimes(sso: FakeSso): { times: Array<{ action: string; errorCode?: string; at: number }>; stop(): void } {
  const times: Array<{ action: string; errorCode?: string; at: number }> = [];
  const timer = setInterval(() => {
    for (const call of sso.calls.slice(times.length)) times.push({ action: call.action, errorCode: call.errorCode, at: Date.now() });
  }, 10);
  return {
    times,
    stop: () => {
      clearInterval(timer);
      for (const call of sso.calls.slice(times.length)) times.push({ action: call.action, errorCode: call.errorCode, at: Date.now() });
    },
  };
}
