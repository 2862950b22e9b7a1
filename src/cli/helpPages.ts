import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgs } from './command';

/**
 * yargs' help and version pages, rendered at build time (scripts/writeHelpPages.ts) for the widths most runs get, so
 * that `--help` need not load yargs and build its parser, which took half a second's worth of a warm export's budget
 * and more. Any other line, or a width not rendered, is yargs' own to answer; a test holds each page to what yargs
 * prints now.
 */

/** The lines whose answer is a page, as yargs reads them: -h is --help. */
export const HELP_LINES: readonly (readonly string[])[] = [
  ['--help'],
  ['--version'],
  ...['export', 'exec', 'unset', 'list', 'init', 'use', 'status', 'prompt', 'login', 'logout', 'sso', 'sso profiles', 'mfa', 'mfa setup', 'console'].map((command) => [...command.split(' '), '--help']),
];

/** The widths rendered: no terminal (100), a wide one (110, the most yargs is given), the classic 80 columns. */
export const HELP_WIDTHS = [80, 100, 110];

/** The page file beside the bundle. */
export const HELP_FILE = 'awsenv-help.json';

/** The width yargs wraps help to: the terminal's, at most 110; 100 when stderr is no terminal. */
export const helpWidth = (): number => Math.min(110, process.stderr.columns || 100);

/** A line's words as one string, -h read as --help. */
const lineOf = (args: readonly string[]): string => args.map((word) => (word === '-h' ? '--help' : word)).join(' ');

/** The key of a line's page at a width in the page file. */
export const helpKey = (args: readonly string[], width: number): string => `${width} ${lineOf(args)}`;

const LINES = new Set(HELP_LINES.map(lineOf));

/** The answer to a help or version line, from the pages rendered at build time; undefined for yargs to give. */
export function helpPage(args: readonly string[], dir = __dirname): ParsedArgs | undefined {
  if (!LINES.has(lineOf(args))) return undefined;
  let pages: Record<string, string>;
  try {
    pages = JSON.parse(fs.readFileSync(path.join(dir, HELP_FILE), 'utf8')) as Record<string, string>;
  } catch {
    // Not built beside this code (the tests' compiled sources): yargs answers.
    return undefined;
  }
  const text = pages[helpKey(args, helpWidth())];
  return text === undefined ? undefined : { debug: false, output: { text, forShell: args[0] === 'use' } };
}
