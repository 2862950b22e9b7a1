import type { ParsedArgs } from './command';
import { COMPLETE_COMMAND } from './completionSpec';
import { helpPage } from './helpPages';
import { parseCommonArgs } from './parseCommonArgs';

/**
 * Parses the command line into a Command value; --help and --version print and leave command undefined. The lines
 * shells run parse without yargs, whose module init and parser building cost more than the rest of a cached export,
 * and the help pages come as yargs rendered them at build time; yargs is loaded for every other line.
 */
export async function parseArgs(args: readonly string[]): Promise<ParsedArgs> {
  if (args[0] === COMPLETE_COMMAND) return { command: { name: 'complete', words: args.slice(1) }, debug: false };
  return parseCommonArgs(args) ?? helpPage(args) ?? (await import('./parseWithYargs')).parseWithYargs(args);
}
