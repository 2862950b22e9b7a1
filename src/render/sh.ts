import type { Renderer } from './renderer';
import { refuseNul } from './renderer';

/** POSIX sh, bash and zsh: single quotes keep every byte literal; a quote itself is closed, escaped, reopened. */
export const quoteSh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

// Every statement ends in its own `;`: unquoted, `eval $(awsenv p)` word-splits the output onto one line, where a
// bare line break would have made `unset NAME` two more arguments of the export before it.
export const sh: Renderer = {
  render: (plan) =>
    refuseNul('sh', plan)
      .map(([name, value]) => (value === null ? `unset ${name};` : `export ${name}=${quoteSh(value)};`))
      .join('\n') + '\n',
};
