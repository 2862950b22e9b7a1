import { z } from 'zod/v3';
import type { AwsTarget } from '../chain/types';
import { AwsenvError } from '../errors';
import type { Credentials } from './credentials';
import type { Logger, StsApi } from './deps';
import { translateStsError, type StsCallContext } from './stsErrors';
import { callOptions, clientOptions, describeTarget } from './awsClientOptions';

const stsCredentials = z.object({
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  SessionToken: z.string().min(1),
  Expiration: z.date(),
});

/** An StsApi over the real SDK client. The SDK is imported here, lazily, so cached paths never load it. */
export async function createStsApi(
  target: AwsTarget,
  credentials: Credentials | undefined,
  who: { profile: string; signedBy: string },
  log: Logger,
): Promise<StsApi> {
  const sdk = await import('@aws-sdk/client-sts');
  const clientFor = (input: { TokenCode?: string } | object) => new sdk.STSClient({
    ...clientOptions(target),
    profile: who.profile,
    ...(credentials && { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken } }),
    // A call that carries an MFA code is never retried: if only the answer was lost, the retry would spend the
    // same code again and come back as "wrong code", which would send the user looking in the wrong place.
    maxAttempts: "TokenCode" in input && input.TokenCode ? 1 : 3,
  });
  const endpoint = describeTarget(target);

  type Send = (options: { abortSignal: AbortSignal }) => Promise<{ Credentials?: unknown }>;
  async function call(ctx: StsCallContext, send: Send, shown: Record<string, unknown>): Promise<Credentials> {
    const signer = credentials ? `signed by ${redactKey(credentials.accessKeyId)} (profile "${ctx.signedBy}")` : 'unsigned';
    log.debug(`AWS call: STS ${ctx.operation} at ${endpoint}, ${signer}, ${JSON.stringify(shown)}`);
    let output: { Credentials?: unknown };
    try {
      output = await send(callOptions());
    } catch (error) {
      log.debug(`AWS call failed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
      throw translateStsError(error, ctx);
    }
    const parsed = stsCredentials.safeParse(output.Credentials);
    if (!parsed.success) {
      throw new AwsenvError('aws', `STS ${ctx.operation} at ${endpoint} answered without usable credentials (profile "${ctx.profile}")`);
    }
    const c = parsed.data;
    log.debug(`AWS call done: got ${redactKey(c.AccessKeyId)}, expires ${c.Expiration.toISOString()}`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }

  const base = { ...who, endpoint };
  return {
    getSessionToken: (input) =>
      call({ ...base, operation: 'GetSessionToken', mfaSerial: input.SerialNumber }, (o) => clientFor(input).send(new sdk.GetSessionTokenCommand(input), o), { ...input, TokenCode: input.TokenCode && '******' }),
    assumeRoleWithWebIdentity: (input) =>
      call({ ...base, operation: 'AssumeRoleWithWebIdentity', roleArn: input.RoleArn }, (o) => clientFor(input).send(new sdk.AssumeRoleWithWebIdentityCommand(input), o), { ...input, WebIdentityToken: '******' }),
    assumeRole: (input) =>
      call({ ...base, operation: 'AssumeRole', roleArn: input.RoleArn, mfaSerial: input.SerialNumber }, (o) => clientFor(input).send(new sdk.AssumeRoleCommand(input), o), { ...input, TokenCode: input.TokenCode && '******' }),
  };
}

/** Enough of an access key id to tell keys apart in a log, not enough to use. */
export const redactKey = (accessKeyId: string) => `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
