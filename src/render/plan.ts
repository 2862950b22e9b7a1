import type { Credentials } from '../core/credentials';
import { isoSeconds } from '../core/time';
import { PROFILE_NAMES } from './awsenvState';

/** What a shell should do, in order: set a variable to a value, or unset it (null). */
export type Plan = ReadonlyArray<readonly [name: string, value: string | null]>;

/**
 * Variables that an export may leave behind in a shell. AWS_SECURITY_TOKEN is the old name of AWS_SESSION_TOKEN
 * that botocore still reads, so a stale one must go too.
 */
export const EXPORTED_NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWSENV_PROFILE',
] as const;

// A profile variable beside exported keys makes tools look the profile up again, and botocore refuses to start
// when it names a profile missing from the config file (as in a CI container): an export unsets PROFILE_NAMES.

export function exportPlan(credentials: Credentials, profile: string, region: string | undefined): Plan {
  return [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
    ['AWS_SESSION_TOKEN', credentials.sessionToken ?? null],
    ['AWS_SECURITY_TOKEN', null],
    ['AWS_CREDENTIAL_EXPIRATION', credentials.expiration ? isoSeconds(credentials.expiration) : null],
    ...(region ? ([['AWS_REGION', region], ['AWS_DEFAULT_REGION', region]] as const) : []),
    ['AWSENV_PROFILE', profile],
    ...PROFILE_NAMES.map((name) => [name, null] as const),
  ];
}

/** Clears everything an export can set. */
export function unsetPlan(): Plan {
  return EXPORTED_NAMES.map((name) => [name, null] as const);
}
