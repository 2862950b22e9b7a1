/**
 * Part of the build: renders yargs' answer to each help and version line (src/cli/helpPages.ts) at each width, into
 * the page file beside the bundle, where `awsenv --help` finds it without loading yargs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HELP_FILE, HELP_LINES, HELP_WIDTHS, helpKey } from '../src/cli/helpPages';
import { parseWithYargs } from '../src/cli/parseWithYargs';

async function main() {
  const pages: Record<string, string> = {};
  for (const width of HELP_WIDTHS) {
    // yargs wraps to the width of stderr's terminal; there is none here, so it is given one.
    Object.defineProperty(process.stderr, 'columns', { value: width, configurable: true });
    for (const line of HELP_LINES) {
      const text = (await parseWithYargs(line)).output?.text;
      if (text === undefined) throw new Error(`yargs printed nothing for "${line.join(' ')}"`);
      pages[helpKey(line, width)] = text;
    }
  }
  fs.writeFileSync(path.resolve(__dirname, '..', HELP_FILE), `${JSON.stringify(pages)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
