import { z } from 'zod/v3';
import type { AwsTarget } from '../config/endpoints';
import { AwsenvError } from '../core/errors';
import { redactKey, type Credentials } from '../core/credentials';
import type { Logger } from '../core/logger';
import { callOptions, clientOptions, describeTarget } from './clientOptions';
import { sdkCall } from './sdkErrors';
import { translateStsError, type StsCallContext } from './translateStsError';

/** The STS operations awsenv uses, with plain inputs so providers never touch SDK types. */
export interface StsApi {
  getSessionToken(input: { SerialNumber?: string; TokenCode?: string; DurationSeconds?: number }): Promise<Credentials>;
  assumeRole(input: {
    RoleArn: string;
    RoleSessionName: string;
    ExternalId?: string;
    SerialNumber?: string;
    TokenCode?: string;
    DurationSeconds?: number;
    SourceIdentity?: string;
  }): Promise<Credentials>;
  assumeRoleWithWebIdentity(input: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string; DurationSeconds?: number }): Promise<Credentials>;
}

/** Who a call is for: the profile whose step makes it, and the profile whose credentials sign it. */
export interface StsCaller {
  readonly profile: string;
  readonly signedBy: string;
}

const stsCredentials = z.object({
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  SessionToken: z.string().min(1),
  Expiration: z.date(),
});

/** An StsApi over the real SDK client. The SDK is imported here, lazily, so cached paths never load it. */
export async function createStsApi(target: AwsTarget, credentials: Credentials | undefined, who: StsCaller, log: Logger): Promise<StsApi> {
  const sdk = await import('@aws-sdk/client-sts');
  const clientFor = (input: { TokenCode?: string }) =>
    new sdk.STSClient({
      ...clientOptions(target),
      profile: who.profile,
      ...(credentials && { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken } }),
      // A call that carries an MFA code is never retried: if only the answer was lost, the retry would spend the
      // same code again and come back as "wrong code", which would send the user looking in the wrong place.
      maxAttempts: input.TokenCode ? 1 : 3,
    });
  const endpoint = describeTarget(target);
  const signer = credentials ? `signed by ${redactKey(credentials.accessKeyId)} (profile "${who.signedBy}")` : 'unsigned';

  async function call(ctx: StsCallContext, send: (options: { abortSignal: AbortSignal }) => Promise<{ Credentials?: unknown }>, shown: object): Promise<Credentials> {
    const output = await sdkCall({ service: 'STS', operation: ctx.operation, endpoint, profile: ctx.profile, log, detail: `${signer}, ${JSON.stringify(shown)}` }, () => send(callOptions()), (error) => translateStsError(error, ctx));
    const parsed = stsCredentials.safeParse(output.Credentials);
    if (!parsed.success) throw new AwsenvError('aws', `STS ${ctx.operation} at ${endpoint} answered without usable credentials`, { profile: ctx.profile });
    const c = parsed.data;
    log.debug(`AWS call done: got ${redactKey(c.AccessKeyId)}, expires ${c.Expiration.toISOString()}`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }

  const masked = <T extends { TokenCode?: string }>(input: T) => ({ ...input, TokenCode: input.TokenCode && '******' });
  return {
    getSessionToken: (input) =>
      call({ ...who, operation: 'GetSessionToken', mfaSerial: input.SerialNumber }, (o) => clientFor(input).send(new sdk.GetSessionTokenCommand(input), o), masked(input)),
    assumeRoleWithWebIdentity: (input) =>
      call({ ...who, operation: 'AssumeRoleWithWebIdentity', roleArn: input.RoleArn }, (o) => clientFor({}).send(new sdk.AssumeRoleWithWebIdentityCommand(input), o), { ...input, WebIdentityToken: '******' }),
    assumeRole: (input) =>
      call({ ...who, operation: 'AssumeRole', roleArn: input.RoleArn, mfaSerial: input.SerialNumber }, (o) => clientFor(input).send(new sdk.AssumeRoleCommand(input), o), masked(input)),
  };
}
