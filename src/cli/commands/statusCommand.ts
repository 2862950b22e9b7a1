import { getCallerIdentity, type CallerIdentity } from '../../aws/callerIdentityApi';
import { DEFAULT_TIMEOUT_MS } from '../../aws/clientOptions';
import { configuredEndpoint, type AwsTarget } from '../../config/endpoints';
import type { Credentials } from '../../core/credentials';
import { environmentRegion, type Env } from '../../core/env';
import { AwsenvError } from '../../core/errors';
import { isoSeconds, localClock, parseAwsTime, shortLeft } from '../../core/time';
import type { CommandOf } from '../command';
import { printable } from '../../core/printable';
import type { Wiring } from '../wire';

/** The credentials of the shell awsenv runs in, as an export leaves them. */
export interface Exported {
  readonly credentials: Credentials;
  /** AWSENV_PROFILE; empty when the keys did not come from awsenv. */
  readonly profile: string;
  /** AWS_REGION (or AWS_DEFAULT_REGION), when set. */
  readonly region?: string;
}

/**
 * `awsenv status` (and `whoami`): which profile this shell holds, whose identity its credentials are (STS
 * GetCallerIdentity, signed with them), and how long they last. Nothing exported: exit 3; past their expiry: exit 5,
 * without a call.
 */
export async function statusCommand(command: CommandOf<'status'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const exported = exportedCredentials(env);
  const { expiration } = exported.credentials;
  if (expiration && expiration.getTime() <= wiring.now().getTime()) {
    throw new AwsenvError('aws', `the exported credentials expired at ${localClock(expiration)} (${isoSeconds(expiration)}), ${shortAgo(expiration, wiring.now())} ago`, {
      profile: exported.profile,
      hint: exported.profile ? `awsuse ${exported.profile} gets new ones.` : 'Export new ones: awsuse PROFILE.',
    });
  }
  const identity = await getCallerIdentity(statusTarget(env), exported.credentials, exported.profile, log, DEFAULT_TIMEOUT_MS);
  return command.json ? `${JSON.stringify(statusJson(exported, identity, wiring.now()))}\n` : statusText(exported, identity, wiring.now());
}

/** The exported credentials, or why there are none to ask about. */
export function exportedCredentials(env: Env): Exported {
  const profile = env.AWSENV_PROFILE ?? '';
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId) {
    throw new AwsenvError('config', profile ? `AWSENV_PROFILE is set, but AWS_ACCESS_KEY_ID is not: the credentials were cleared by hand` : 'no credentials are exported in this shell (AWS_ACCESS_KEY_ID is not set)', {
      hint: 'awsuse PROFILE exports a profile\'s credentials (awsenv list names the profiles).',
    });
  }
  if (!secretAccessKey) throw new AwsenvError('config', 'AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY', { profile, hint: 'Export both: awsuse PROFILE.' });
  const text = env.AWS_CREDENTIAL_EXPIRATION;
  const expiration = text ? parseAwsTime(text) : undefined;
  if (expiration && Number.isNaN(expiration.getTime())) {
    throw new AwsenvError('config', `AWS_CREDENTIAL_EXPIRATION is not a time: "${printable(text!)}"`, { profile, hint: 'It is an ISO 8601 time in UTC, as an export sets it (2026-11-25T22:36:45Z): awsuse PROFILE sets it anew.' });
  }
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  const region = environmentRegion(env);
  return { credentials: { accessKeyId, secretAccessKey, sessionToken, expiration }, profile, ...(region && { region }) };
}

/**
 * Where the call goes: the environment's region and endpoint settings alone, as every tool run with the exported
 * credentials finds them (an export unsets AWS_PROFILE, so no profile's endpoint_url applies to them either).
 */
export function statusTarget(env: Env): AwsTarget {
  const endpoint = configuredEndpoint('sts', {}, { profiles: {}, ssoSessions: {}, services: {} }, env);
  return { region: environmentRegion(env) ?? 'us-east-1', ...(endpoint && { endpoint }) };
}

/** The status as one JSON object: null for what is not there (no AWSENV_PROFILE, no expiry, no region). */
export function statusJson({ credentials, profile, region }: Exported, identity: CallerIdentity, now: Date) {
  const { expiration } = credentials;
  return {
    profile: profile || null,
    account: identity.account,
    arn: identity.arn,
    userId: identity.userId,
    region: region ?? null,
    expiration: expiration ? isoSeconds(expiration) : null,
    secondsLeft: expiration ? Math.floor((expiration.getTime() - now.getTime()) / 1000) : null,
  };
}

/** The status as lines for a person. */
export function statusText(exported: Exported, identity: CallerIdentity, now: Date): string {
  const { expiration, sessionToken } = exported.credentials;
  const expires = expiration
    ? `${localClock(expiration)} (${isoSeconds(expiration)}), ${shortLeft((expiration.getTime() - now.getTime()) / 1000)} left`
    : sessionToken
      ? 'unknown (AWS_CREDENTIAL_EXPIRATION is not set)'
      : 'never (long-term keys)';
  const rows: [string, string][] = [
    ['profile', exported.profile ? printable(exported.profile) : '(none: these credentials were not exported by awsenv)'],
    ['account', identity.account],
    ['identity', identity.arn],
    ['expires', expires],
    ['region', exported.region ? printable(exported.region) : '(not set)'],
  ];
  return rows.map(([name, value]) => `${`${name}:`.padEnd(10)}${value}\n`).join('');
}

const shortAgo = (expiration: Date, now: Date) => shortLeft((now.getTime() - expiration.getTime()) / 1000).replace(/^expired$/, '<1m');
