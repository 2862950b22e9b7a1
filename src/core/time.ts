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
