import { z } from 'zod/v3';
import type { AwsTarget } from '../config/endpoints';
import { redactKey, type Credentials } from '../core/credentials';
import type { Logger } from '../core/logger';
import { clientOptions, describeTarget } from './clientOptions';
import { sdkCall, type SdkCall, type SendOptions } from './sdkErrors';
import { readAnswer } from './readAnswer';
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
    Tags?: Array<{ Key: string; Value: string }>;
    TransitiveTagKeys?: string[];
  }): Promise<Credentials>;
  assumeRoleWithWebIdentity(input: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string; DurationSeconds?: number }): Promise<Credentials>;
  /** A federated user's session from an IAM user's long-term keys: what the console's federation endpoint takes. */
  getFederationToken(input: { Name: string; Policy: string; DurationSeconds?: number }): Promise<Credentials>;
}

/** Who a call is for: the profile whose step makes it, and the profile whose credentials sign it. */
export interface StsCaller {
  readonly profile: string;
  readonly signedBy: string;
  /** Keys written down (a file, the environment), or session credentials an earlier call got. */
  readonly signerKind: 'keys' | 'session';
}

const stsCredentials = z.object({
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  SessionToken: z.string().min(1),
  Expiration: z.date(),
});

/** An StsApi over the real SDK client. The SDK is imported here, lazily, so cached paths never load it. */
export async function createStsApi(target: AwsTarget, credentials: Credentials | undefined, who: StsCaller, log: Logger, timeoutMs: number): Promise<StsApi> {
  const sdk = await import('@aws-sdk/client-sts');
  const clientFor = (mfaCode: boolean) =>
    new sdk.STSClient({
      // A call that carries an MFA code is never retried: if only the answer was lost, the retry would spend the
      // same code again and come back as "wrong code", which would send the user looking in the wrong place.
      ...clientOptions(target, { retry: !mfaCode }),
      profile: who.profile,
      ...(credentials && { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken } }),
    });
  const endpoint = describeTarget(target);
  const signer = credentials ? `signed by ${redactKey(credentials.accessKeyId)} (profile "${who.signedBy}")` : 'unsigned';

  type Send = (client: InstanceType<typeof sdk.STSClient>, options: SendOptions) => Promise<{ Credentials?: unknown; $metadata: { httpStatusCode?: number } }>;
  async function call(ctx: StsCallContext, mfaCode: boolean, send: Send, shown: object): Promise<Credentials> {
    const at: SdkCall = { service: 'STS', operation: ctx.operation, endpoint, profile: ctx.profile, log, timeoutMs, mfaCode, detail: `${signer}, ${JSON.stringify(shown)}` };
    const output = await sdkCall(at, (options) => send(clientFor(mfaCode), options), (error) => translateStsError(error, ctx));
    const c = readAnswer(at, output, output.Credentials, stsCredentials, 'usable credentials');
    log.debug(`AWS call done: got ${redactKey(c.AccessKeyId)}, expires ${c.Expiration.toISOString()}`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }

  const masked = <T extends { TokenCode?: string }>(input: T) => ({ ...input, TokenCode: input.TokenCode && '******' });
  return {
    getSessionToken: (input) =>
      call({ ...who, operation: 'GetSessionToken', mfaSerial: input.SerialNumber }, Boolean(input.TokenCode), (client, o) => client.send(new sdk.GetSessionTokenCommand(input), o), masked(input)),
    assumeRoleWithWebIdentity: (input) =>
      call({ ...who, operation: 'AssumeRoleWithWebIdentity', roleArn: input.RoleArn, durationSeconds: input.DurationSeconds }, false, (client, o) => client.send(new sdk.AssumeRoleWithWebIdentityCommand(input), o), { ...input, WebIdentityToken: '******' }),
    getFederationToken: (input) =>
      call({ ...who, operation: 'GetFederationToken' }, false, (client, o) => client.send(new sdk.GetFederationTokenCommand(input), o), input),
    assumeRole: (input) =>
      call({ ...who, operation: 'AssumeRole', roleArn: input.RoleArn, mfaSerial: input.SerialNumber, durationSeconds: input.DurationSeconds }, Boolean(input.TokenCode), (client, o) => client.send(new sdk.AssumeRoleCommand(input), o), masked(input)),
  };
}
