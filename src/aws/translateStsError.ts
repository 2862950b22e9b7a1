import { AwsenvError } from '../core/errors';
import { keysRefusal } from './keysRefusal';
import { errorName, errorMessage } from './sdkErrorFields';

export interface StsCallContext {
  readonly operation: 'GetSessionToken' | 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetFederationToken';
  /** The profile whose step made the call. */
  readonly profile: string;
  /** The profile whose credentials signed it. */
  readonly signedBy: string;
  readonly signerKind: 'keys' | 'session';
  readonly roleArn?: string;
  readonly mfaSerial?: string;
  /** The DurationSeconds asked for, if any. */
  readonly durationSeconds?: number;
}

/** 43200 as "12h", 5400 as "1h30m", 900 as "15m": as --duration is written. */
const spelled = (seconds: number) => [[Math.floor(seconds / 3600), 'h'], [Math.floor((seconds % 3600) / 60), 'm'], [seconds % 60, 's']].filter(([n]) => n).map(([n, unit]) => `${n}${unit}`).join('');

/** Turns what STS answered (never a network failure, a server error or an answer that is not STS's: sdkAttempt takes those) into what happened and what to do. */
export function translateStsError(error: unknown, ctx: StsCallContext): AwsenvError {
  const name = errorName(error);
  const said = errorMessage(error).trim();
  const fail = (message: string, hint?: string, profile = ctx.profile) => new AwsenvError('aws', message, { profile, hint, cause: error });

  if (/MultiFactorAuthentication/i.test(said)) {
    return fail(`AWS rejected the MFA code for ${ctx.mfaSerial ?? 'the MFA device'}`, 'A code is valid once and for about 30 seconds: wait for the next code and try again. Check that mfa_serial names the device the code comes from.');
  }
  if (ctx.operation === 'AssumeRoleWithWebIdentity') {
    const hint = "Check the role's trust policy: the identity provider, and the aud and sub conditions against the token.";
    // The SDK names these errors with or without "Exception", after the model or the wire.
    const code = name.replace(/Exception$/, '');
    if (code === 'InvalidIdentityToken' || code === 'IDPRejectedClaim') return fail(`STS refused the web identity token for ${ctx.roleArn}: ${said}`, hint);
    if (code === 'ExpiredToken') return fail('the web identity token has expired', 'Get a fresh token: tokens from CI systems last minutes.');
    if (code === 'AccessDenied') return fail(`the web identity may not assume ${ctx.roleArn}`, hint);
  }
  // STS names no maximum; the request is what the person can change, and IAM's setting is the other fix.
  if (name === 'ValidationError' && /MaxSessionDuration/i.test(said) && ctx.roleArn) {
    const asked = ctx.durationSeconds ? `sessions of ${spelled(ctx.durationSeconds)}` : 'the duration asked for';
    return fail(
      `role ${ctx.roleArn} does not allow ${asked}: that is more than its maximum session duration`,
      "Ask for less with --duration (or the profile's duration_seconds), or raise the role's maximum session duration in IAM (1h unless set, 12h at most).",
    );
  }
  switch (name) {
    case 'AccessDenied':
      if (ctx.operation === 'AssumeRole') {
        const principal = /User: (\S+) is not authorized/.exec(said)?.[1] ?? `the credentials of profile "${ctx.signedBy}"`;
        return fail(`${principal} may not assume ${ctx.roleArn}`, "Check the role's trust policy, the external_id and mfa_serial settings, and that source_profile is the identity you mean.");
      }
      if (ctx.operation === 'GetFederationToken') {
        return fail(`AWS denied GetFederationToken: ${said}`, 'Long-term keys open the console as a federated user: the IAM user needs sts:GetFederationToken (root keys are not for daily use). Or open the console with a role profile.');
      }
      return fail(`AWS denied ${ctx.operation}: ${said}`);
    // The three below are about the credentials that signed the call, so they name the profile those came from; and
    // session credentials (an MFA session or a role, perhaps from the cache) are not the keys in the credentials file.
    case 'InvalidClientTokenId':
    case 'SignatureDoesNotMatch':
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      if (ctx.signerKind === 'session') {
        return fail(`STS no longer accepts the session credentials that signed ${ctx.operation} (${name})`, 'They may have been revoked or have expired early: run again with --refresh to get new ones. If that fails too, check the keys of the profile the chain starts from.', ctx.signedBy);
      }
      return keysRefusal(name, ctx.signedBy, error) ?? fail('the credentials have expired', 'Renew the session token written in the profile (aws_session_token), or remove it with the keys it came with.', ctx.signedBy);
    case 'RegionDisabledException':
      return fail('STS is not activated in this region', 'Use another region (--region) or activate STS for it in IAM.');
    default:
      return fail(`STS ${ctx.operation} failed: ${name}${said && said !== name ? `: ${said}` : ''}`);
  }
}
