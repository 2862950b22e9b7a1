import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AWSENV_BIN, runCli, runProcess } from '../support/cli';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = require(path.join(root, 'package.json')) as { bin: Record<string, string>; version: string };

// Names fixed by the issues: renaming any of them breaks people's scripts.
describe('the command-line contract', () => {
  test('package.json\'s awsenv bin is the file the tests run, and runs with node', async () => {
    expect(path.resolve(root, pkg.bin.awsenv)).toBe(AWSENV_BIN);
    const result = await runProcess(process.execPath, [path.resolve(root, pkg.bin.awsenv), '--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  test('npx awsenv works from the checkout', async () => {
    const npx = path.join(path.dirname(process.execPath), 'npx');
    // A cache of its own: npx remembers a checkout's bin from earlier runs, which would test a stale build. No scripts:
    // installing the checkout into that cache runs its `prepare`, a whole build in the checkout, under the suite that
    // is running from its dist/. The build that `prepare` makes is tested where `npm ci` runs it, in .ci/run.
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-npx-'));
    const env = { HOME: process.env.HOME, npm_config_cache: cache, npm_config_ignore_scripts: 'true' };
    const result = await runProcess(npx, ['--no-install', 'awsenv', '--version'], { env, timeoutMs: 60000, cwd: root });
    fs.rmSync(cache, { recursive: true, force: true });
    expect(result.stdout.trim()).toBe(pkg.version);
  }, 60000);

  // Whole words in the right place: "sh" inside "bash", or "-f" inside "--refresh", must not stand in for them.
  test('--help names every fixed command and flag', async () => {
    const help = (await runCli(['--help'])).stdout;
    const commands = section(help, 'Commands').map((line) => words(line).slice(0, 2).join(' '));
    for (const command of ['export', 'exec', 'unset', 'list', 'init']) expect(commands).toContain(`awsenv ${command}`);
    const options = optionEntries(section(help, 'Options'));
    for (const flag of ['--format', '--region', '--mfa-code', '--duration', '--timeout', '--refresh', '--no-cache', '--debug']) {
      expect(options.map((entry) => entry.flags)).toContainEqual(expect.arrayContaining([flag]));
    }
    // A short flag is an alias of its long one: both head the same entry.
    expect(options.map((entry) => entry.flags)).toEqual(expect.arrayContaining([['-f', '--format'], ['-r', '--region']]));
    const formatChoices = options.find((entry) => entry.flags.includes('--format'))!.description;
    for (const format of ['sh', 'bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'process']) expect(formatChoices).toContain(format);
  });
});

/** The words of help text: split at white space and the punctuation around words, so "-f," is "-f" and "[ARGS...]" "ARGS". */
const words = (text: string) => text.split(/[\s,;:()[\]{}<>"'`|=.]+/).filter(Boolean);

/** The lines under a heading such as "Options:", up to the blank line that ends the section. */
function section(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${heading}:`);
  if (start < 0) throw new Error(`no "${heading}:" section in the help:\n${help}`);
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * The entries of the Options section: an entry starts with its flags near the margin ("  -f, --format") and goes on
 * with the deeper-indented lines of its description, which may name other flags ("--web-identity, or ..."). yargs'
 * notes ("[string] [default: "sh"]") are no part of the description: a default is not a choice the text offers.
 */
function optionEntries(lines: string[]): Array<{ flags: string[]; description: string[] }> {
  const entries: string[][] = [];
  for (const line of lines) {
    if (/^ {1,8}-/.test(line)) entries.push([line]);
    else entries[entries.length - 1]?.push(line);
  }
  return entries.map((entry) => {
    const all = words(entry.join(' ').replace(/\[(?:string|boolean|number|array|count|required|default: [^\]]*)\]/g, ''));
    const firstWord = all.findIndex((word) => !word.startsWith('-'));
    return { flags: firstWord < 0 ? all : all.slice(0, firstWord), description: firstWord < 0 ? [] : all.slice(firstWord) };
  });
}
