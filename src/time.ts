/** ISO 8601 in UTC to the second, the form AWS and the AWS CLI's caches use for times. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Reads the AWS CLI's cache times, which some versions end with "UTC" instead of "Z". */
export const parseAwsTime = (text: string) => new Date(text.trim().replace(/UTC$/, 'Z'));
