import type { Renderer } from './renderer';

/** fish: inside single quotes only \\ and \' are escapes, so those two are the only characters to escape. */
export const quoteFish = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

export const fish: Renderer = {
  render: (plan) => plan.map(([name, value]) => (value === null ? `set -e ${name}` : `set -gx ${name} ${quoteFish(value)}`)).join('\n') + '\n',
};
