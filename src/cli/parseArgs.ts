import type { ParsedArgs } from './command';

/**
 * Parses the command line into a Command value; --help and --version print and leave command undefined. yargs is
 * loaded only when a line needs it: its module init and parser building cost more than the rest of a cached export.
 */
export async function parseArgs(args: readonly string[]): Promise<ParsedArgs> {
  return (await import('./parseWithYargs')).parseWithYargs(args);
}
