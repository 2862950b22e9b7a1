import fs from 'node:fs';
import { AwsenvError } from '../core/errors';
import { sleepSync } from '../core/sleepSync';

/**
 * Writes to stdout with write(2) itself rather than through process.stdout, so that a failure is an error thrown
 * here, for main to answer, instead of an 'error' event that ends Node with a stack trace (and Node need not build a
 * stream for one write). EPIPE, the reader gone (`awsenv list | head -1`), is a `brokenPipe`; anything else
 * (ENOSPC on /dev/full, EIO) a `file` error naming the cause.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) {
    try {
      written += fs.writeSync(1, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A pipe left non-blocking by another process that shares it: wait for the reader, as a blocking write would.
      if (code === 'EAGAIN') {
        sleepSync(1);
        continue;
      }
      if (code === 'EPIPE') throw new AwsenvError('brokenPipe', 'stdout was closed before awsenv wrote to it', { cause: error });
      // Node's message ("ENOSPC: no space left on device, write") without the system call's name.
      throw new AwsenvError('file', `cannot write to stdout (${(error as Error).message.replace(/, write$/, '')})`, { cause: error });
    }
  }
}
