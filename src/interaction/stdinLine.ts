import fs from 'node:fs';
import tty from 'node:tty';
import { sleepSync } from '../core/sleepSync';

/** Longer than any line that holds an MFA code; reading stops there, so a stream of anything cannot fill memory. */
const MAX_LINE_BYTES = 1024;

/** stdin as `--mfa-code -` reads it. */
export interface StdinLine {
  isTerminal(): boolean;
  /** The first line, without its line end; undefined when stdin ends before giving a byte. */
  readLine(): string | undefined;
}

/**
 * The process's stdin, read a byte at a time up to the first line end and no further, so that the rest is left
 * to whoever reads next: `awsenv exec P --mfa-code - -- CMD` hands CMD the lines after the code.
 */
export const processStdin: StdinLine = {
  isTerminal: () => tty.isatty(0),
  readLine() {
    const bytes: number[] = [];
    const byte = Buffer.alloc(1);
    while (bytes.length < MAX_LINE_BYTES) {
      if (readByte(byte) === 0) return bytes.length ? decode(bytes) : undefined;
      if (byte[0] === 0x0a) return decode(bytes);
      bytes.push(byte[0]);
    }
    return decode(bytes);
  },
};

function readByte(into: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(0, into, 0, 1, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A pipe another process left non-blocking: wait for the writer, as a blocking read would.
      if (code === 'EAGAIN') sleepSync(5);
      // The end as Windows pipes report it, or no stdin at all (`<&-`): nothing more to read.
      else if (code === 'EOF' || code === 'EBADF') return 0;
      else throw error;
    }
  }
}

const decode = (bytes: number[]) => Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
