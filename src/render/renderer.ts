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
    hint: 'Use another --format (sh, fish, powershell or json carry any value).',
  });
