import { AwsenvError } from '../core/errors';
import type { Plan } from './plan';

/** Turns a plan into text for one shell or format. Pure: no environment, no files. */
export interface Renderer {
  render(plan: Plan): string;
  /** A file, named by an environment variable, that the format appends the variables to (GitHub's $GITHUB_ENV). */
  appendTo?: { variable: string; render(plan: Plan): string };
}

export const unrepresentable = (format: string, name: string, what: string) =>
  new AwsenvError('usage', `the ${format} format cannot carry ${name}: its value has ${what}`, {
    hint: 'Use another --format (sh, fish, powershell or json carry any value without a NUL byte; only json carries one).',
  });

/**
 * No environment variable can hold a NUL byte (the environment is C strings), and no shell takes one intact: bash and
 * dash drop it, zsh keeps it in the shell but exports the value cut short, fish refuses the line. So every format that
 * ends up in an environment refuses the value rather than let it arrive changed.
 */
export function refuseNul(format: string, plan: Plan): Plan {
  const carrier = plan.find(([, value]) => value?.includes('\0'));
  if (carrier) throw unrepresentable(format, carrier[0], 'a NUL byte');
  return plan;
}
