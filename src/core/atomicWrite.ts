import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AwsenvError } from './errors';

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

/**
 * Replaces a file in one step: readers see the old content or the new, never half of it. The temporary file is
 * created 0600 (umask can only narrow that) before any byte of the secret is written.
 */
export function writeFileAtomic(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
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

/** Runs the write of a file the person asked for; a failure becomes one `file` error that names the file. */
export function writingFile<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw new AwsenvError('file', `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}
