import type { Renderer } from './renderer';
import { refuseNul } from './renderer';

/** fish: inside single quotes only \\ and \' are escapes, so those two are the only characters to escape. */
export const quoteFish = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

// `set -e` of a variable that is not set fails, and the status of the last statement is what `| source` returns.
// Every statement ends in its own `;`, because `eval (awsenv p -f fish)` joins the lines with spaces.
export const fish: Renderer = {
  render: (plan) =>
    refuseNul('fish', plan)
      .map(([name, value]) => (value === null ? `set -e ${name}; or true;` : `set -gx ${name} ${quoteFish(value)};`))
      .join('\n') + '\n',
};
