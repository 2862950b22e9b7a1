import type { Renderer } from './renderer';
import { refuseNul, unrepresentable } from './renderer';

/**
 * NAME=value lines. Readers of .env files disagree on quotes (docker --env-file keeps them, others strip them), so
 * values are written bare, and a value that cannot be written bare on one line is refused. Unset names are left out:
 * the format has no way to say "unset".
 */
export const dotenv: Renderer = {
  render: (plan) =>
    refuseNul('dotenv', plan)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null)
      .map(([name, value]) => {
        if (/[\r\n]/.test(value)) throw unrepresentable('dotenv', name, 'a line break');
        return `${name}=${value}`;
      })
      .join('\n') + '\n',
};
