import fs from 'node:fs';
import path from 'node:path';
import { dieOf } from './dieOf';
import { AwsenvError } from './errors';

/** `.<file>.<pid>.<8 hex>.tmp`, the temporary files of writeFileAtomic, with the writer's pid. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** No write takes this long: a temporary file older than this is left over, whatever its pid now names. */
const STALE_AFTER_MS = 60_000;
const DEFERRED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Creates the directory (and missing parents) private to the user, and narrows it if it exists wider. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  narrowPrivateDir(dir);
}

/**
 * Narrows an existing directory to its owner (0700) when others may enter it, without creating it: for runs that only
 * read. Returns the mode it had when it was narrowed, undefined when there was nothing to do.
 */
export function narrowPrivateDir(dir: string): number | undefined {
  let mode: number;
  try {
    mode = fs.statSync(dir).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) === 0) return undefined;
  fs.chmodSync(dir, 0o700);
  return mode;
}

// Only to keep two writers of one process apart (the file is created with O_EXCL anyway): not worth node:crypto.
const randomHex8 = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');

/**
 * Replaces a file in one step: readers see the old content or the new, never half of it. The temporary file is
 * created 0600 (umask can only narrow that) before any byte of the secret is written. Temporary files that killed
 * writes left in the directory go first, and a SIGINT, SIGTERM or SIGHUP during the write ends the process only
 * once the write is over, so none is left by this one.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  removeStaleTemps(dir);
  deferSignalsPastWrites();
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomHex8()}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Removes the temporary files of writes that were killed between writing and renaming (SIGKILL, a crash, a power
 * cut), each maybe holding live credentials: those whose writer is gone, and any older than a minute (its pid may
 * name another process by now). Returns how many went; a file it cannot remove is left to the next time.
 */
export function removeStaleTemps(dir: string, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid === undefined) continue;
    const temp = path.join(dir, name);
    try {
      const stat = fs.lstatSync(temp);
      if (!stat.isFile() || (isRunning(Number(pid)) && now - stat.mtimeMs < STALE_AFTER_MS)) continue;
      fs.rmSync(temp);
      removed++;
    } catch {
      // Renamed or removed meanwhile, or not the user's to remove.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Keeps SIGINT, SIGTERM and SIGHUP from ending the process between a write's temporary file and its rename. A
 * write is synchronous and a listener runs only between turns of the event loop, so it runs once the write is over
 * (renamed, or removed on failure), and then ends the process by the same signal, as the default action would have
 * at once; unless another listener is there (exec forwards signals to its command), which then decides. Kept for the
 * rest of the run once added: a signal that came during a write is dispatched on some later turn, and a listener
 * removed before then would lose it.
 */
function deferSignalsPastWrites(): void {
  for (const signal of DEFERRED_SIGNALS) {
    if (!process.listeners(signal).includes(endAfterWrite)) process.on(signal, endAfterWrite);
  }
}

function endAfterWrite(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  process.exit(dieOf(signal));
}

/** Runs the write of a file the person asked for; a failure becomes one `file` error that names the file. */
export function writingFile<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw new AwsenvError('file', `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}
