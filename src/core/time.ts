/** ISO 8601 in UTC to the second, the form AWS and the AWS CLI's caches use for times. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

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
