import fs from 'node:fs';
import { sleepSync } from './sleepSync';

/**
 * Writes all of `text` to a file descriptor with write(2) itself, not through a Node stream: no stream to build for
 * a line or two, and a failure is an error thrown here, not an 'error' event that ends Node with a stack trace.
 */
export function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) {
    try {
      written += fs.writeSync(fd, bytes, written);
    } catch (error) {
      // A pipe left non-blocking by another process that shares it: wait for the reader, as a blocking write would.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      sleepSync(1);
    }
  }
}

/** What awsenv tells the person, on stderr. A stderr nobody reads any more (`2>&1 | true`) has no one left to tell: the exit code still tells. */
export function writeStderr(text: string): void {
  try {
    writeAllSync(2, text);
  } catch {
    // Nothing to do: see above.
  }
}
