import { AwsenvError } from '../errors';
import { isNetworkError, networkError } from './awsCallErrors';

export interface StsCallContext {
  readonly operation: 'GetSessionToken' | 'AssumeRole' | 'AssumeRoleWithWebIdentity';
  /** The profile whose step made the call. */
  readonly profile: string;
  /** The profile whose credentials signed it. */
  readonly signedBy: string;
  readonly endpoint: string;
  readonly roleArn?: string;
  readonly mfaSerial?: string;
}


/** Turns what the SDK threw into one message that says what happened and what to do, with the profile named. */
export function translateStsError(error: unknown, ctx: StsCallContext): AwsenvError {
  const e = (error ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'Error';
  const said = (e.message ?? '').trim();
  const fail = (kind: 'aws' | 'network', message: string, hint?: string) =>
    new AwsenvError(kind, message, { profile: ctx.profile, hint, cause: error });

  if (isNetworkError(e)) return networkError(error, 'STS', ctx.endpoint, ctx.profile);
  if (/MultiFactorAuthentication/i.test(said)) {
    return fail('aws', `AWS rejected the MFA code for ${ctx.mfaSerial ?? 'the MFA device'} (profile "${ctx.profile}")`, 'A code is valid once and for about 30 seconds: wait for the next code and try again. Check that mfa_serial names the device the code comes from.');
  }
  if (ctx.operation === 'AssumeRoleWithWebIdentity') {
    const hint = "Check the role's trust policy: the identity provider, and the aud and sub conditions against the token.";
    // The SDK names these errors with or without "Exception", after the model or the wire.
    const code = name.replace(/Exception$/, '');
    if (code === 'InvalidIdentityToken' || code === 'IDPRejectedClaim') return fail('aws', `STS refused the web identity token for ${ctx.roleArn} (profile "${ctx.profile}"): ${said}`, hint);
    if (code === 'ExpiredToken') return fail('aws', `the web identity token for profile "${ctx.profile}" has expired`, 'Get a fresh token: tokens from CI systems last minutes.');
    if (code === 'AccessDenied') return fail('aws', `the web identity may not assume ${ctx.roleArn} (profile "${ctx.profile}")`, hint);
  }
  switch (name) {
    case 'AccessDenied':
      if (ctx.operation === 'AssumeRole') {
        const principal = /User: (\S+) is not authorized/.exec(said)?.[1] ?? `the credentials of profile "${ctx.signedBy}"`;
        return fail('aws', `${principal} may not assume ${ctx.roleArn} (profile "${ctx.profile}")`, "Check the role's trust policy, the external_id and mfa_serial settings, and that source_profile is the identity you mean.");
      }
      return fail('aws', `AWS denied ${ctx.operation} for profile "${ctx.profile}": ${said}`);
    case 'InvalidClientTokenId':
      return fail('aws', `AWS does not recognise the access key of profile "${ctx.signedBy}"`, 'The key may be deleted, deactivated or mistyped: check aws_access_key_id in the credentials file.');
    case 'SignatureDoesNotMatch':
      return fail('aws', `the secret access key of profile "${ctx.signedBy}" does not match its access key`, 'Check aws_secret_access_key in the credentials file.');
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return fail('aws', `the credentials of profile "${ctx.signedBy}" have expired`, 'Run again with --refresh to get new ones, or renew the session token written in the profile.');
    case 'RegionDisabledException':
      return fail('aws', `STS is not activated in this region for profile "${ctx.profile}"`, 'Use another region (--region) or activate STS for it in IAM.');
    default:
      return fail('aws', `STS ${ctx.operation} failed for profile "${ctx.profile}": ${name}${said && said !== name ? `: ${said}` : ''}`);
  }
}
