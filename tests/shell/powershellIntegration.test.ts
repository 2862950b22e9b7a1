import fs from 'node:fs';
import path from 'node:path';
import { INTEGRATION_FILES } from '../../src/cli/commands/initCommand';
import { quotePowerShell } from '../../src/render/powershell';
import { HOSTILE_VALUES } from '../render/hostileValues';
import { INTEGRATION_DIR } from '../support/shellIntegration';

/**
 * shell/awsenv.ps1, read as data: pwsh is not installed where these tests run. What its completer inserts for a
 * profile name is computed here with the script's own two patterns and read back by a model of PowerShell's
 * argument mode written from about_Parsing and about_Quoting_Rules.
 */

const script = fs.readFileSync(path.join(INTEGRATION_DIR, INTEGRATION_FILES.powershell), 'utf8');

/** The script's pattern for a name inserted bare, and the quotes it doubles inside single quotes. */
const bare = new RegExp(/\$_ -match '([^']+)'/.exec(script)![1]);
const doubled = new RegExp(/\$_ -replace "(\[[^\]]+\])", '\$0\$0'/.exec(script)![1], 'g');

/** The completion text the script gives a name. */
const inserted = (name: string) => (bare.test(name) ? name : `'${name.replace(doubled, '$&$&')}'`);

// In argument mode these start a variable, a subexpression, a string, an escape, a comment, a splat, or end or
// split the argument; U+2018..U+201E are the typographic quotes PowerShell also takes as quotes.
const ARGUMENT_MODE_SPECIAL = /[\s$@(){}'"`,;|&<>#\u2018-\u201e]/;

/** One argument as PowerShell reads it: a single-quoted string (quotes doubled inside), or a bare word. */
function readArgument(text: string): string {
  if (!/^['\u2018-\u201b]/.test(text)) {
    // A leading - makes a parameter token, which PowerShell hands to a program (and to awsuse's $args) as typed.
    if (ARGUMENT_MODE_SPECIAL.test(text)) throw new Error(`PowerShell reads ${JSON.stringify(text)} as more than a word`);
    return text;
  }
  let value = '';
  for (let i = 1; i < text.length; i++) {
    if (!/['\u2018-\u201b]/.test(text[i])) value += text[i];
    else if (i + 1 < text.length && /['\u2018-\u201b]/.test(text[i + 1])) value += text[++i];
    else if (i === text.length - 1) return value;
    else throw new Error(`the string ends before the argument does: ${JSON.stringify(text)}`);
  }
  throw new Error(`unterminated string: ${JSON.stringify(text)}`);
}

// Profile names have no line breaks (a section header is one line) and are never empty.
const NAMES: [string, string][] = [
  ['plain', 'prod-eu'],
  ['dots and slashes', 'team.prod/admin'],
  ['leading dash', '-dev'],
  ['leading at', '@home'],
  ['two words', 'two words'],
  ['dollar', 'home$HOME'],
  ['subexpression', '$(Remove-Item x)'],
  ['backtick', 'a`b'],
  ['comma', 'a,b'],
  ['typographic quotes', 'it\u2019s \u201cme\u201d'],
  ...HOSTILE_VALUES.filter(([, value]) => value !== '' && !/[\r\n]/.test(value)).map(([label, value]) => [label, value] as [string, string]),
];

describe('shell/awsenv.ps1 (pwsh not installed: read as data)', () => {
  test.each(NAMES)('completes a profile name with %s as a word PowerShell reads back verbatim', (_label, name) => {
    expect(readArgument(inserted(name))).toBe(name);
  });

  test('doubles exactly the quotes the powershell format doubles', () => {
    const every = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join('');
    expect(`'${every.replace(doubled, '$&$&')}'`).toBe(quotePowerShell(every));
  });

  test('evaluates what awsenv use prints in the powershell format only after awsenv succeeded', () => {
    const body = /function awsuse \{\n([\s\S]*?)\n\}/.exec(script)![1];
    const lines = body.split('\n').filter((line) => !/^\s*#/.test(line));
    expect(lines.map((line) => line.trim())).toEqual([
      '$__awsenv_code = & awsenv use --format powershell @args',
      'if (-not $? -or $LASTEXITCODE -ne 0) { return }',
      'Invoke-Expression ($__awsenv_code -join "`n")',
    ]);
  });

  test.each(['awsenv', 'awsuse'])('registers a native argument completer for %s', (command) => {
    expect(script).toMatch(new RegExp(`^Register-ArgumentCompleter -Native -CommandName ${command} -ScriptBlock \\{$`, 'm'));
  });
});
