import type { Renderer } from './renderer';

/** One JSON object: name → value, null for a variable to unset. */
export const json: Renderer = {
  render: (plan) => `${JSON.stringify(Object.fromEntries(plan), null, 2)}\n`,
};
