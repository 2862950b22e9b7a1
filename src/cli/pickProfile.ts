import type { Env } from '../core/env';
import type { ProfileOrigin } from '../chain/types';

/** PROFILE from the argument, else AWS_PROFILE, else "default", remembering which, for error messages. */
export function pickProfile(argument: string | undefined, env: Env): { name: string; origin: ProfileOrigin } {
  if (argument) return { name: argument, origin: 'argument' };
  if (env.AWS_PROFILE) return { name: env.AWS_PROFILE, origin: 'AWS_PROFILE' };
  return { name: 'default', origin: 'default' };
}
