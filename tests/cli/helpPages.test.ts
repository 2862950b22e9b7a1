import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HELP_FILE, HELP_LINES, HELP_WIDTHS, helpKey, helpPage } from '../../src/cli/helpPages';
import { parseWithYargs } from '../../src/cli/parseWithYargs';

// The pages the build wrote beside the bundle (npm test builds first).
const DIST = path.resolve(__dirname, '..', '..');
const pages = JSON.parse(fs.readFileSync(path.join(DIST, HELP_FILE), 'utf8')) as Record<string, string>;

const withColumns = (columns: number | undefined) => Object.defineProperty(process.stderr, 'columns', { value: columns, configurable: true });
afterEach(() => withColumns(undefined));

const cases = HELP_WIDTHS.flatMap((width) => HELP_LINES.map((line) => [line.join(' '), width, line] as const));

describe('the pages written at build time', () => {
  test.each(cases)('"%s" at %d columns is what yargs prints now', async (_name, width, line) => {
    withColumns(width);
    const live = await parseWithYargs(line);
    expect(pages[helpKey(line, width)]).toBe(live.output?.text);
  });

  test('hold no other page', () => {
    expect(Object.keys(pages).sort()).toEqual(cases.map(([, width, line]) => helpKey(line, width)).sort());
  });
});

describe(helpPage.name, () => {
  test.each([
    [['--help'], 100, false],
    [['-h'], 80, false],
    [['use', '--help'], 110, true],
    [['sso', 'profiles', '-h'], 100, false],
  ] as const)('answers %j at %d columns from the page file, for the shell: %s', (line, width, forShell) => {
    withColumns(width);
    const answer = helpPage(line, DIST);
    expect(answer).toEqual({ debug: false, output: { text: pages[helpKey(line, width)], forShell } });
    expect(answer?.output?.text).toMatch(/\S/);
  });

  test('with no terminal, answers at 100 columns, and at 110 on a terminal wider than that, as yargs wraps', () => {
    expect(helpPage(['--help'], DIST)?.output?.text).toBe(pages[helpKey(['--help'], 100)]);
    withColumns(200);
    expect(helpPage(['--help'], DIST)?.output?.text).toBe(pages[helpKey(['--help'], 110)]);
  });

  test.each([
    [['--help', '--debug'], 100],
    [['admin', '--help'], 100],
    [['export', '--help', 'admin'], 100],
    [['help'], 100],
    [['--help'], 90],
    [['--help'], 60],
  ])('leaves %j at %d columns to yargs', (line, width) => {
    withColumns(width);
    expect(helpPage(line, DIST)).toBeUndefined();
  });

  test('leaves every line to yargs where no page file was built', () => {
    expect(helpPage(['--help'], fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-no-pages-')))).toBeUndefined();
  });
});
