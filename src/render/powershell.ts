import type { Renderer } from './renderer';
import { refuseNul } from './renderer';

/**
 * PowerShell: a single-quoted string is verbatim except for the quote, which is doubled. PowerShell also takes the
 * typographic single quotes (U+2018..U+201B) as quotes, so those are doubled too.
 */
export const quotePowerShell = (value: string) => `'${value.replace(/['\u2018-\u201b]/g, (c) => c + c)}'`;

// PowerShell splits nothing into words, but `Invoke-Expression "$(awsenv p -f powershell)"` reads the output as lines
// and joins them with spaces, so every statement ends in its own `;`, as in sh and fish.
export const powershell: Renderer = {
  render: (plan) =>
    refuseNul('powershell', plan)
      .map(([name, value]) =>
        value === null ? `Remove-Item -Path Env:${name} -ErrorAction SilentlyContinue;` : `$Env:${name} = ${quotePowerShell(value)};`,
      )
      .join('\n') + '\n',
};
