import { z } from 'zod/v3';
import type { AwsTarget } from '../config/endpoints';
import { redactKey, type Credentials } from '../core/credentials';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { clientOptions, describeTarget } from './clientOptions';
import { keysRefusal } from './keysRefusal';
import { readAnswer } from './readAnswer';
import { errorMessage, errorName } from './sdkErrorFields';
import { sdkCall } from './sdkErrors';

/** Who signed a call, as STS GetCallerIdentity says. */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

// STS always sends all three; without them the answer is some other server's.
const identity = z.object({ Account: z.string().regex(/^\d{12}$/), Arn: z.string().startsWith('arn:'), UserId: z.string().min(1) });

/**
 * STS GetCallerIdentity signed with `credentials` (`awsenv status`: the ones exported into the shell). `profile` is
 * the exported profile, for messages; empty when the credentials did not come from awsenv. The SDK is loaded here,
 * on this path only.
 */
export async function getCallerIdentity(target: AwsTarget, credentials: Credentials, profile: string, log: Logger, timeoutMs: number): Promise<CallerIdentity> {
  const sdk = await import('@aws-sdk/client-sts');
  const client = new sdk.STSClient({
    ...clientOptions(target),
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken },
  });
  const at = { service: 'STS', operation: 'GetCallerIdentity', endpoint: describeTarget(target), profile, log, timeoutMs, detail: `signed by ${redactKey(credentials.accessKeyId)} (from the environment)` };
  const output = await sdkCall(at, (o) => client.send(new sdk.GetCallerIdentityCommand({}), o), (error) => refused(error, profile, Boolean(credentials.sessionToken)));
  const read = readAnswer(at, output, output, identity, 'an account and an ARN');
  log.debug(`AWS call done: ${read.Arn}`);
  return { account: read.Account, arn: read.Arn, userId: read.UserId };
}

/** What STS's refusal of the exported credentials means, and what gets new ones. */
function refused(error: unknown, profile: string, session: boolean): AwsenvError {
  const name = errorName(error);
  const said = errorMessage(error).trim();
  const again = profile ? `awsuse ${profile} --refresh gets new ones.` : 'Export new ones (awsuse PROFILE).';
  const fail = (message: string, hint?: string) => new AwsenvError('aws', message, { profile, hint, cause: error });
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException') return fail('STS says the exported credentials have expired (ExpiredToken)', `They may have been revoked or have ended early: ${again}`);
  if (session && (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch')) {
    return fail(`STS does not accept the exported session credentials (${name})`, `They may have been revoked, or changed in this shell by hand: ${again}`);
  }
  // Long-term keys: the same refusal, and the same fix, as for keys in the credentials file.
  return keysRefusal(name, profile, error) ?? fail(`STS GetCallerIdentity failed: ${name}${said && said !== name ? `: ${said}` : ''}`);
}
