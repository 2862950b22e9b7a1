import type { Renderer } from './renderer';
import { refuseNul, unrepresentable } from './renderer';

/**
 * cmd.exe, for a batch file (`awsenv p -f cmd > creds.cmd && call creds.cmd`): `set "NAME=value"` keeps & | < > ^
 * literal, and % is doubled because batch files expand it. A double quote would end the quoting and a line break
 * the command, and cmd has no escape that works for both, so such values are refused rather than mangled.
 */
export const quoteCmd = (name: string, value: string) => {
  if (/["\r\n]/.test(value)) throw unrepresentable('cmd', name, 'a double quote or line break');
  return `"${name}=${value.replace(/%/g, '%%')}"`;
};

/**
 * With delayed expansion on (cmd /V:ON, or a caller's `setlocal EnableDelayedExpansion`, which a called file
 * inherits), cmd expands !NAME! and drops ^ and lone ! in any line that holds a !, quoted or not, and no spelling of
 * a value reads the same with it on and off. So a file with a ! in a value first checks: "!!" is "" only with it on,
 * and then the file stops before it sets anything.
 */
export const DELAYED_EXPANSION_GUARD =
  'if "!!"=="" (echo awsenv: a value holds an exclamation mark, which delayed expansion would change: call this file where it is off 1>&2& exit /b 1)';

export const cmd: Renderer = {
  render: (plan) => {
    const lines = refuseNul('cmd', plan).map(([name, value]) => `set ${quoteCmd(name, value ?? '')}`);
    if (plan.some(([, value]) => value?.includes('!'))) lines.unshift(DELAYED_EXPANSION_GUARD);
    return lines.join('\r\n') + '\r\n';
  },
};
