/**
 * Values that have broken shell quoting somewhere. The ones that would run a command name the file `pwned` (relative),
 * so a test that runs them in an empty directory can tell whether any of them ran.
 */
export const PWNED = 'pwned';

// Every character sh, bash or zsh treats specially outside single quotes, fish's and PowerShell's quotes, and the
// sequences that close a quote and start a command.
const LONG = `'"$\`\\x`.repeat(20000);

export const HOSTILE_VALUES: ReadonlyArray<readonly [label: string, value: string]> = [
  ['plain key', 'AKIAIOSFODNN7EXAMPLE'],
  ['base64 secret with / and +', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+=='],
  ['single quote', "it's"],
  ['lone single quote', "'"],
  ['run of single quotes', "''''"],
  ['the sh quote escape itself', "'\\''"],
  ['double quotes', '"quoted" and "'],
  ['dollar expansions', '$HOME ${HOME} $1 $@ $$ $? $argv'],
  ['command substitution', `$(touch ${PWNED})`],
  ['backticks', `\`touch ${PWNED}\``],
  ['fish command substitution', `(touch ${PWNED})`],
  ['closing a single quote', `'; touch ${PWNED}; echo '`],
  ['closing a double quote', `"; touch ${PWNED}; echo "`],
  ['closing a fish quote', `\\'; touch ${PWNED}; echo \\'`],
  ['backslash', '\\'],
  ['trailing backslash', 'ends with \\'],
  ['backslash before quote', "\\'"],
  ['escape sequences', '\\n\\t\\x41\\u00e9\\0'],
  ['newline', 'line one\nline two'],
  ['only a newline', '\n'],
  ['trailing newlines', 'value\n\n'],
  ['carriage return', 'a\r\nb\r'],
  ['tab', 'a\tb'],
  ['control characters', '\x01\x1b[31mred\x7f'],
  ['non-ASCII', 'é ☃ 日本'],
  ['emoji', '🔑🎉'],
  ['combining accent and zero-width space', 'e\u0301\u200b'],
  ['typographic quotes', '\u2018\u2019\u201a\u201b\u201c\u201d'],
  ['empty', ''],
  ['leading dash', '-e'],
  ['double dash', '--'],
  ['leading dash with space', '-n foo'],
  ['globs', '* ? [a] ~ ~root'],
  ['operators', ';&|<>!%^#{a,b}=()'],
  ['history expansion', '!! !$'],
  ['batch percent', '%PATH% %%'],
  ['surrounding spaces', '  padded  '],
  ['100k characters', LONG.slice(0, 100000)],
];
