import type { Env } from '../../core/env';
import { parseAwsTime, shortLeft } from '../../core/time';
import type { CommandOf } from '../command';
import { printable } from '../../core/printable';
import type { Wiring } from '../wire';

/**
 * `awsenv prompt`: the segment a shell prompt shows, "admin (42m)", from the two variables an export sets. It runs
 * before every prompt, so it reads nothing but the environment: no config, no cache, no AWS.
 */
export const promptCommand = async (command: CommandOf<'prompt'>, wiring: Wiring): Promise<string> => promptSegment(wiring.env, wiring.now(), command.format);

/**
 * The segment, without a line break (it goes inside a prompt); empty when nothing is exported. `{left}` is the time
 * left ("1h05m", "42m", "<1m"), "expired", "?" for an expiry that does not parse, or empty for keys without one.
 */
export function promptSegment(env: Env, now: Date, format?: string): string {
  const profile = env.AWSENV_PROFILE;
  if (!profile) return '';
  const expiration = env.AWS_CREDENTIAL_EXPIRATION;
  const ms = expiration ? parseAwsTime(expiration).getTime() - now.getTime() : undefined;
  const left = ms === undefined ? '' : Number.isNaN(ms) ? '?' : shortLeft(ms / 1000);
  const template = format ?? (left ? '{profile} ({left})' : '{profile}');
  return template.replace(/\{(profile|left)\}/g, (_whole, name: string) => (name === 'profile' ? printable(profile) : left));
}
