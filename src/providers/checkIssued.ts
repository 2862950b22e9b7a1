import type { Step } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';
import type { Logger } from '../core/logger';
import { formatSeconds, isoSeconds } from '../core/time';

// STS's default lifetimes, for the steps that ask for none.
const DEFAULT_ROLE_SECONDS = 3600;
// Below this, a difference between the lifetime asked for and the one seen is network delay, not a wrong clock.
const SKEW_NOTICED_SECONDS = 5 * 60;

/** How long credentials from this step should live when they arrive, where the step says. */
function askedLifetime(step: Step): number | undefined {
  if (step.kind === 'sessionToken') return step.durationSeconds;
  if (step.kind === 'assumeRole' || step.kind === 'webIdentity') return step.durationSeconds ?? DEFAULT_ROLE_SECONDS;
  return undefined;
}

/**
 * Credentials that arrive already expired are never used or cached: the next call would fail with words that blame
 * the wrong thing. When the lifetime asked for is known, the difference tells how far this machine's clock is off.
 * Credentials that arrive with less than `marginSeconds` left are used, with a warning.
 */
export function checkIssued(step: Step, credentials: Credentials, now: Date, marginSeconds: number, log: Logger): void {
  if (!credentials.expiration) return;
  const left = (credentials.expiration.getTime() - now.getTime()) / 1000;
  const asked = askedLifetime(step);
  const skew = asked !== undefined ? asked - left : undefined;
  const clock = skew !== undefined && skew > SKEW_NOTICED_SECONDS ? `; this machine's clock looks about ${formatSeconds(skew)} fast` : '';
  if (left <= 0) {
    throw new AwsenvError('aws', `the credentials just issued expired at ${isoSeconds(credentials.expiration)}, before this machine's time (${isoSeconds(now)})${clock}`, {
      profile: step.profile,
      hint: clock ? 'Check the system clock (timedatectl, or your NTP settings).' : 'Check the system clock, and the endpoint settings if this is not AWS.',
    });
  }
  if (left < marginSeconds) log.warn(`the credentials of profile "${step.profile}" expire in ${formatSeconds(left)}, at ${isoSeconds(credentials.expiration)}${clock}`);
}
