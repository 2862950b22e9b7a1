import type { Renderer } from './renderer';
import { refuseNul } from './renderer';

/**
 * PowerShell: a single-quoted string is verbatim except for the quote, which is doubled. PowerShell also takes the
 * typographic single quotes (U+2018..U+201B) as quotes, so those are doubled too.
 */
export const quotePowerShell = (value: string) => `'${value.replace(/['\u2018-\u201b]/g, (c) => c + c)}'`;

const LINE_BREAKS: Readonly<Record<string, string>> = { '\r': '"`r"', '\n': '"`n"' };

/**
 * A value as one line of PowerShell: its line breaks as the escapes of a double-quoted string, joined to the
 * single-quoted rest with +. PowerShell hands a program's output over as lines, and `"$(…)"` joins them with spaces
 * while `| Invoke-Expression` runs each on its own, so a line break inside a quote would come back changed.
 */
export const powerShellValue = (value: string) =>
  value
    .split(/([\r\n])/)
    .map((part, i) => (i % 2 ? LINE_BREAKS[part] : quotePowerShell(part)))
    .filter((part, _i, parts) => part !== "''" || parts.length === 1)
    .join(' + ');

// Every statement ends in its own `;`, as in sh and fish, for the lines "$(…)" joins.
export const powershell: Renderer = {
  render: (plan) =>
    refuseNul('powershell', plan)
      .map(([name, value]) =>
        value === null ? `Remove-Item -Path Env:${name} -ErrorAction SilentlyContinue;` : `$Env:${name} = ${powerShellValue(value)};`,
      )
      .join('\n') + '\n',
};
