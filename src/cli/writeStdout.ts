import { AwsenvError } from '../core/errors';
import { writeAllSync } from '../core/writeAllSync';

/**
 * Writes to stdout with write(2) itself rather than through process.stdout, so that a failure is an error thrown
 * here, for main to answer, instead of an 'error' event that ends Node with a stack trace (and Node need not build a
 * stream for one write). EPIPE, the reader gone (`awsenv list | head -1`), is a `brokenPipe`; anything else
 * (ENOSPC on /dev/full, EIO) a `file` error naming the cause.
 */
export function writeStdout(text: string): void {
  try {
    writeAllSync(1, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw new AwsenvError('brokenPipe', 'stdout was closed before awsenv wrote to it', { cause: error });
    // Node's message ("ENOSPC: no space left on device, write") without the system call's name.
    throw new AwsenvError('file', `cannot write to stdout (${(error as Error).message.replace(/, write$/, '')})`, { cause: error });
  }
}
