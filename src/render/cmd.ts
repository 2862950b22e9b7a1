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

export const cmd: Renderer = {
  render: (plan) => refuseNul('cmd', plan).map(([name, value]) => `set ${quoteCmd(name, value ?? '')}`).join('\r\n') + '\r\n',
};
