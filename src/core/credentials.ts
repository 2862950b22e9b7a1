/** Credentials as every provider returns them and the cache stores them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Seconds of validity left, or Infinity for long-term keys. */
export function secondsLeft(credentials: Credentials, now: Date): number {
  return credentials.expiration ? (credentials.expiration.getTime() - now.getTime()) / 1000 : Infinity;
}

/** Enough of an access key id to tell keys apart in a log, not enough to use. */
export const redactKey = (accessKeyId: string) => `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
