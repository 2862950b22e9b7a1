/**
 * ISO 8601 in UTC to the second, the form AWS and the AWS CLI's caches use for times. Built from the UTC fields, not
 * with toISOString, which sets up the local time zone: ICU's zone data, about 4 MB of memory and a file read on every
 * cached export.
 */
export function isoSeconds(date: Date): string {
  const year = date.getUTCFullYear();
  // Years outside 0-9999 have no four-digit form; toISOString's six-digit one is as good as any.
  if (year < 0 || year > 9999) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

/** Reads the AWS CLI's cache times, which some versions end with "UTC" instead of "Z". */
export const parseAwsTime = (text: string) => new Date(text.trim().replace(/UTC$/, 'Z'));

/** A time left as --debug shows it: "1h05m", "4m09s", or "no expiry". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'no expiry';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** A wait as a sentence says it: "10 minutes", "1 minute", "30 seconds". */
export function spokenSeconds(seconds: number): string {
  // Minutes only when they are whole: "90 seconds", not "2 minutes".
  const whole = Math.round(seconds);
  const [n, unit] = whole >= 60 && whole % 60 === 0 ? [whole / 60, 'minute'] : [whole, 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A time left as a prompt shows it, in whole minutes rounded down: "1h05m", "42m", "<1m"; "expired" at or past its
 * end. Rounded down, so a prompt never promises a minute the credentials do not have.
 */
export function shortLeft(seconds: number): string {
  if (!(seconds > 0)) return 'expired';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return '<1m';
  const h = Math.floor(minutes / 60);
  return h ? `${h}h${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}

/**
 * A time as the person's own clock shows it, "15:42" (24-hour, whatever the locale). From getHours and getMinutes,
 * which make V8 read the local zone once (its zoneinfo file: about 0.1 ms and 0.7 MB, measured on Node 20), where
 * toLocaleTimeString and Intl.DateTimeFormat set up ICU's formatter and its zone data (12 to 20 ms and 8 MB): too
 * much for a line awsuse prints on every switch. Only for what a person reads; files and caches take isoSeconds.
 */
export function localClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
