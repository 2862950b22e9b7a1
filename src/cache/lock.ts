import fs from 'node:fs';
import { AwsenvError } from '../core/errors';
import { isRecord, isText } from '../core/jsonShape';
import type { Logger } from '../core/logger';

/** Who holds a lock: enough for a waiter to say what it waits for, and to tell a dead holder from a slow one. */
interface Owner {
  readonly pid: number;
  readonly what: string;
  readonly since: string;
  readonly nonce: string;
}

const ownerOf = (value: unknown): Owner | undefined =>
  isRecord(value) && Number.isInteger(value.pid) && (value.pid as number) > 0 && typeof value.what === 'string' && isText(value.since) && isText(value.nonce)
    ? { pid: value.pid as number, what: value.what, since: value.since, nonce: value.nonce }
    : undefined;

export interface LockOptions {
  /** What the holder does, for the waiter's message: "the MFA session of alice". */
  readonly what: string;
  /** How long a waiter waits before it gives up. */
  readonly waitMs: number;
  readonly log: Logger;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Releases the lock; safe to call twice. */
export type Release = () => void;

const POLL_MS = 50;
// Waits shorter than this go unsaid: six panes opening at once should not print five lines for a tenth of a second.
const ANNOUNCE_AFTER_MS = 1000;
// A holder older than this is taken for dead even if its pid is alive again (pids are reused): no unit of awsenv's
// work takes longer than a device sign-in, which AWS lets last ten minutes.
const STALE_MS = 15 * 60 * 1000;

/**
 * A cross-process lock: a file created with O_EXCL that names its holder. Written here rather than taken from a
 * library because a waiter must name the holder's pid (and see at once when that process is gone), which
 * mkdir-and-mtime locks such as proper-lockfile cannot; Node has no flock. Only cold paths take one.
 */
export async function acquireLock(file: string, options: LockOptions): Promise<Release> {
  const mine: Owner = { pid: process.pid, what: options.what, since: new Date().toISOString(), nonce: uniqueNonce() };
  const started = Date.now();
  let announced = false;
  for (;;) {
    if (tryCreate(file, mine)) return release(file, mine);
    const owner = readOwner(file);
    if (!owner || isStale(owner)) {
      if (removeIfStill(file, owner)) continue;
    } else if (!announced && Date.now() - started > ANNOUNCE_AFTER_MS) {
      announced = true;
      options.log.notice(`waiting for another awsenv (pid ${owner.pid}) to finish ${owner.what}`);
    }
    if (Date.now() - started > options.waitMs) {
      const who = owner ? `another awsenv (pid ${owner.pid}) to finish ${owner.what}` : `the lock ${file}, which another awsenv is writing`;
      throw new AwsenvError('unavailable', `gave up after ${Math.round(options.waitMs / 1000)} s waiting for ${who}`, {
        hint: owner ? `Try again when it is done, or stop process ${owner.pid}.` : 'Try again in a moment.',
      });
    }
    await options.sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

// Tells this holder from any other, nothing more: node:crypto is not worth loading for it.
const uniqueNonce = () => `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function tryCreate(file: string, owner: Owner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, JSON.stringify(owner));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** The holder, or undefined for a lock file that is gone or half written (its writer may have died mid-write). */
function readOwner(file: string): Owner | undefined {
  try {
    return ownerOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

function isStale(owner: Owner): boolean {
  if (Date.now() - Date.parse(owner.since) > STALE_MS) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: alive, but another user's; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock only if it is still the one judged stale, so two waiters that both saw it die cannot remove a
 * lock that one of them has just taken. An unreadable file is given a moment to be written before it counts as dead.
 */
function removeIfStill(file: string, judged: Owner | undefined): boolean {
  const now = readOwner(file);
  if (judged ? now?.nonce !== judged.nonce : now !== undefined || !olderThan(file, 1000)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function release(file: string, mine: Owner): Release {
  let released = false;
  const onExit = () => releaseNow();
  const releaseNow = () => {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    // Only our own: a lock taken over as stale belongs to someone else now.
    if (readOwner(file)?.nonce === mine.nonce) fs.rmSync(file, { force: true });
  };
  process.on('exit', onExit);
  return releaseNow;
}
