import { powershell, quotePowerShell } from '../../src/render/powershell';
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

describe('powershell renderer', () => {
  test('assigns $Env: and removes unset names without an error when they are missing, each statement ending in ;', () => {
    expect(powershell.render([['A', 'v'], ['B', null]])).toBe("$Env:A = 'v';\nRemove-Item -Path Env:B -ErrorAction SilentlyContinue;\n");
  });

  test.each(HOSTILE_VALUES)('%s: read back exactly', (_label, value) => {
    expect(readPowerShell(powershell.render([['A', value], ['B', null], ['C', 'after']]))).toEqual({ A: value, B: null, C: 'after' });
  });

  // `Invoke-Expression "$(awsenv p -f powershell)"`: PowerShell reads a command's output as lines (ending at CR, LF
  // or CRLF) and "$(…)" joins them with spaces. `| Invoke-Expression` runs each line on its own, which a line
  // break inside a value breaks either way.
  const joinedLines = (output: string) => output.replace(/\r?\n$/, '').split(/\r\n|\r|\n/).join(' ');

  test.each(HOSTILE_VALUES.filter(([, value]) => !/[\r\n]/.test(value)))('%s: read back exactly from the lines joined by "$(…)"', (_label, value) => {
    expect(readPowerShell(joinedLines(powershell.render([['A', value], ['B', null], ['C', 'after']])))).toEqual({ A: value, B: null, C: 'after' });
  });
});
