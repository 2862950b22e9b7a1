import { powershell, powerShellValue, quotePowerShell } from '../../src/render/powershell';
import { HOSTILE_VALUES } from './hostileValues';
import { readPowerShell } from './formatReaders';

// pwsh is not installed on the machine these tests were written on, so the output is read by readPowerShell, a
// model of PowerShell's tokenizer for single-quoted strings, instead of by PowerShell itself.

describe(quotePowerShell.name, () => {
  test.each([
    ['AKIAEXAMPLE', "'AKIAEXAMPLE'"],
    ['', "''"],
    ["it's", "'it''s'"],
    ["''", "''''''"],
    // PowerShell also ends a single-quoted string at the typographic single quotes U+2018..U+201B.
    ['\u2018left', "'\u2018\u2018left'"],
    ['right\u2019', "'right\u2019\u2019'"],
    ['\u201alow\u201b', "'\u201a\u201alow\u201b\u201b'"],
    ["mixed '\u2019", "'mixed ''\u2019\u2019'"],
    // Inside single quotes $ and the backtick are literal, and so are the typographic double quotes.
    ['$Env:HOME $(Get-Date) `n `$', "'$Env:HOME $(Get-Date) `n `$'"],
    ['"x" \u201cy\u201d', "'\"x\" \u201cy\u201d'"],
    ['a\nb', "'a\nb'"],
  ])('%j → %s', (value, quoted) => {
    expect(quotePowerShell(value)).toBe(quoted);
  });
});

describe(powerShellValue.name, () => {
  test.each([
    ['AKIAEXAMPLE', "'AKIAEXAMPLE'"],
    ['', "''"],
    ["it's", "'it''s'"],
    // Line breaks as the escapes of a double-quoted string, so the statement stays on one line.
    ['a\nb', "'a' + \"`n\" + 'b'"],
    ['a\r\nb\r', "'a' + \"`r\" + \"`n\" + 'b' + \"`r\""],
    ['\n', '"`n"'],
    ["\n'\n", "\"`n\" + '''' + \"`n\""],
  ])('%j → %s', (value, written) => {
    expect(powerShellValue(value)).toBe(written);
  });
});

describe('powershell renderer', () => {
  test('assigns $Env: and removes unset names without an error when they are missing, each statement ending in ;', () => {
    expect(powershell.render([['A', 'v'], ['B', null]])).toBe("$Env:A = 'v';\nRemove-Item -Path Env:B -ErrorAction SilentlyContinue;\n");
  });

  test.each(HOSTILE_VALUES)('%s: read back exactly', (_label, value) => {
    expect(readPowerShell(powershell.render([['A', value], ['B', null], ['C', 'after']]))).toEqual({ A: value, B: null, C: 'after' });
  });

  // Regression: a value with a line break was written inside one single-quoted string over two lines, and every way
  // of running the output changed it: PowerShell reads a program's output as lines (ending at CR, LF or CRLF),
  // `Invoke-Expression "$(…)"` joins them with spaces, `| Invoke-Expression` runs each line on its own, and awsuse
  // joins them with LF.
  test.each(HOSTILE_VALUES)('%s: every statement is one line', (_label, value) => {
    const lines = powershell.render([['A', value], ['B', null], ['C', 'after']]).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => readPowerShell(line))).toEqual([{ A: value }, { B: null }, { C: 'after' }]);
  });

  const asLines = (output: string) => output.replace(/\r?\n$/, '').split(/\r\n|\r|\n/);

  test.each(HOSTILE_VALUES)('%s: read back exactly from the lines joined by "$(…)", and by awsuse', (_label, value) => {
    const lines = asLines(powershell.render([['A', value], ['B', null], ['C', 'after']]));
    expect(readPowerShell(lines.join(' '))).toEqual({ A: value, B: null, C: 'after' });
    expect(readPowerShell(lines.join('\n'))).toEqual({ A: value, B: null, C: 'after' });
  });
});
