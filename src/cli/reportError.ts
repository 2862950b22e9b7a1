import { AwsenvError, exitCodes } from '../core/errors';
import { writeStderr } from '../core/writeAllSync';

/** Prints a failure as one message (and hint) on stderr and returns the exit code. Stacks only with --debug. */
export function reportError(error: unknown, debug: boolean, stderr: { write(text: string): unknown } = { write: writeStderr }): number {
  const known = error instanceof AwsenvError ? error : undefined;
  const message = known ? known.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  stderr.write(`awsenv: ${message}\n`);
  if (known?.hint) stderr.write(`  ${known.hint}\n`);
  if (debug) {
    for (let e: unknown = error; e; e = (e as Error).cause) stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  } else if (!known) {
    stderr.write('  This is a bug in awsenv; run again with --debug for details and report it.\n');
  }
  return known ? exitCodes[known.kind] : exitCodes.internal;
}
