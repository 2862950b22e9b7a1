import { expectNoSecret } from './secrets';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * A command run on a pseudo-terminal of its own, as a user at a terminal runs it: util-linux `script` opens the pty,
 * makes it the controlling terminal of a new session, copies what the test writes to the pty and what the pty shows
 * to its stdout. `script` itself is started detached, so the runner's own terminal (if any) is never reachable.
 */
export interface TtySession {
  /** Everything the terminal has shown so far: prompts, echoed input, whatever the command printed there. */
  readonly screen: () => string;
  /** Resolves once the screen holds `text` at least `times` times; rejects with the screen after `timeoutMs`. */
  waitFor(text: string, times?: number, timeoutMs?: number): Promise<void>;
  /** Typed at the terminal. */
  type(keys: string): void;
  /** Resolves when `script` ends; after `timeoutMs` the session is killed, and a killed `script` has no code (null). */
  exit(timeoutMs?: number): Promise<{ code: number | null; screen: string }>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

export const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** The screen's text without the terminal control sequences readline moves the cursor with (`ESC [ 57 G`). */
export const withoutControls = (screen: string) => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/**
 * The lines a terminal shows once `screen` has been written to it: a carriage return goes back to the line's start,
 * later characters overwrite earlier ones, ESC [ K erases to the line's end; every other control sequence is dropped.
 * What a spinner leaves behind shows here, where the raw screen holds every frame it ever drew.
 */
export function visibleLines(screen: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let column = 0;
  for (const [, sequence, char] of screen.matchAll(/(\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07)|([^])/gu)) {
    if (sequence === '\x1b[K') line = line.slice(0, column);
    else if (sequence) continue;
    else if (char === '\r') column = 0;
    else if (char === '\n') {
      lines.push(line.join(''));
      line = [];
      column = 0;
    } else if (char >= ' ') line[column++] = char;
  }
  return [...lines, line.join('')];
}

/** Runs `command` (a line for /bin/sh, so it must need no quoting beyond what the caller gives it) on a new pty. */
export function startTtySession(command: string, env: NodeJS.ProcessEnv): TtySession {
  // -q: no "Script started" banner; -f: flush every write; -e: script exits with the command's status.
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let screen = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: string) => {
    screen += chunk;
    for (const listener of [...listeners]) listener();
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  child.stdin.on('error', () => undefined);
  const closed = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      running.delete(child);
      resolve(code);
    });
  });

  return {
    screen: () => screen,
    waitFor: (text, times = 1, timeoutMs = 10000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (occurrences(screen, text) < times) return;
          finish();
          resolve();
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`the terminal never showed ${JSON.stringify(text)} ×${times}; it shows:\n${JSON.stringify(screen)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
    type: (keys) => child.stdin.write(keys),
    exit: async (timeoutMs = 15000) => {
      const timer = setTimeout(() => killSession(child), timeoutMs);
      const code = await closed;
      clearTimeout(timer);
      expectNoSecret(`the terminal of ${command}`, screen);
      return { code, screen };
    },
  };
}

// Killing `script` closes the pty's master side, which hangs up the session inside and ends what runs there.
function killSession(child: ChildProcessWithoutNullStreams) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** For afterEach: ends every session still running. */
export function killTtySessions(): void {
  for (const child of running) killSession(child);
}
