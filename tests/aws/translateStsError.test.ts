import { AwsenvError } from '../../src/core/errors';
import { translateStsError, type StsCallContext } from '../../src/aws/translateStsError';

const ROLE = 'arn:aws:iam::222222222222:role/admin';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const USER = 'arn:aws:iam::111111111111:user/alice';

/** What the SDK throws when STS answers with an error. */
const sdkError = (name: string, message: string, httpStatusCode = 403) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });

// The step at profile "prod" made the call, signed with the credentials of profile "base".
const context = (operation: StsCallContext['operation'], extra: Partial<StsCallContext> = {}): StsCallContext => ({
  operation,
  profile: 'prod',
  signedBy: 'base',
  signerKind: 'keys',
  roleArn: ROLE,
  ...extra,
});

interface Case {
  readonly why: string;
  readonly error: unknown;
  readonly ctx: StsCallContext;
  readonly profile: string;
  readonly detail: string;
  readonly hint?: readonly string[];
}

const WEB_HINT = ["role's trust policy", 'aud and sub'];

describe(translateStsError.name, () => {
  it.each<Case>([
    // A rejected MFA code, whatever the operation and the error's name.
    { why: 'MFA code on GetSessionToken', error: sdkError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'), ctx: context('GetSessionToken', { mfaSerial: MFA }), profile: 'prod', detail: `AWS rejected the MFA code for ${MFA}`, hint: ['next code', 'mfa_serial'] },
    { why: 'MFA code on AssumeRole', error: sdkError('AccessDenied', 'multifactorauthentication failed'), ctx: context('AssumeRole', { mfaSerial: MFA }), profile: 'prod', detail: `AWS rejected the MFA code for ${MFA}`, hint: ['30 seconds'] },
    { why: 'MFA code on web identity', error: sdkError('ValidationError', 'MultiFactorAuthentication failed'), ctx: context('AssumeRoleWithWebIdentity', { mfaSerial: MFA }), profile: 'prod', detail: `AWS rejected the MFA code for ${MFA}`, hint: ['next code'] },
    { why: 'MFA code without a serial', error: sdkError('AccessDenied', 'MultiFactorAuthentication failed'), ctx: context('GetSessionToken'), profile: 'prod', detail: 'AWS rejected the MFA code for the MFA device', hint: ['mfa_serial'] },

    // A duration over the role's maximum: what was asked for, and both fixes, never STS's wording.
    ...(['AssumeRole', 'AssumeRoleWithWebIdentity'] as const).map((operation): Case => ({
      why: `${operation} beyond the role's maximum session duration`,
      error: sdkError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400),
      ctx: context(operation, { durationSeconds: 43200 }),
      profile: 'prod',
      detail: `role ${ROLE} does not allow sessions of 12h: that is more than its maximum session duration`,
      hint: ['--duration', "raise the role's maximum session duration"],
    })),
    { why: 'beyond the maximum, 1h30m', error: sdkError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400), ctx: context('AssumeRole', { durationSeconds: 5400 }), profile: 'prod', detail: `role ${ROLE} does not allow sessions of 1h30m: that is more than its maximum session duration`, hint: ['--duration'] },
    // Web identity: the SDK names its errors with or without "Exception".
    ...['InvalidIdentityToken', 'InvalidIdentityTokenException', 'IDPRejectedClaim', 'IDPRejectedClaimException'].map((name): Case => ({
      why: `web identity ${name}`,
      error: sdkError(name, '  Incorrect token audience  '),
      ctx: context('AssumeRoleWithWebIdentity'),
      profile: 'prod',
      detail: `STS refused the web identity token for ${ROLE}: Incorrect token audience`,
      hint: WEB_HINT,
    })),
    ...['ExpiredToken', 'ExpiredTokenException'].map((name): Case => ({
      why: `web identity ${name}: the token, so the step's profile`,
      error: sdkError(name, 'Token is expired'),
      ctx: context('AssumeRoleWithWebIdentity'),
      profile: 'prod',
      detail: 'the web identity token has expired',
      hint: ['fresh token'],
    })),
    ...['AccessDenied', 'AccessDeniedException'].map((name): Case => ({
      why: `web identity ${name}`,
      error: sdkError(name, 'Not authorized to perform sts:AssumeRoleWithWebIdentity'),
      ctx: context('AssumeRoleWithWebIdentity'),
      profile: 'prod',
      detail: `the web identity may not assume ${ROLE}`,
      hint: WEB_HINT,
    })),
    { why: 'web identity, another error: the default branch', error: sdkError('PackedPolicyTooLarge', 'too large', 400), ctx: context('AssumeRoleWithWebIdentity'), profile: 'prod', detail: 'STS AssumeRoleWithWebIdentity failed: PackedPolicyTooLarge: too large' },

    // AccessDenied outside web identity.
    { why: 'AssumeRole denied: the principal from the message', error: sdkError('AccessDenied', `User: ${USER} is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`), ctx: context('AssumeRole'), profile: 'prod', detail: `${USER} may not assume ${ROLE}`, hint: ['trust policy', 'external_id', 'source_profile'] },
    { why: 'AssumeRole denied, no principal in the message', error: sdkError('AccessDenied', 'Access denied'), ctx: context('AssumeRole'), profile: 'prod', detail: `the credentials of profile "base" may not assume ${ROLE}`, hint: ['trust policy'] },
    { why: 'GetFederationToken denied', error: sdkError('AccessDenied', 'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:GetFederationToken'), ctx: context('GetFederationToken'), profile: 'prod', detail: 'AWS denied GetFederationToken: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:GetFederationToken', hint: ['sts:GetFederationToken', 'role profile'] },
    { why: 'GetSessionToken denied', error: sdkError('AccessDenied', ' Cannot call GetSessionToken with session credentials '), ctx: context('GetSessionToken'), profile: 'prod', detail: 'AWS denied GetSessionToken: Cannot call GetSessionToken with session credentials' },

    // About the keys that signed the call: they name the signing profile.
    { why: 'unknown access key', error: sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'), ctx: context('AssumeRole'), profile: 'base', detail: 'AWS does not recognise the access key', hint: ['aws_access_key_id'] },
    { why: 'wrong secret', error: sdkError('SignatureDoesNotMatch', 'The request signature we calculated does not match'), ctx: context('GetSessionToken'), profile: 'base', detail: 'the secret access key does not match its access key', hint: ['aws_secret_access_key'] },
    ...['ExpiredToken', 'ExpiredTokenException'].map((name): Case => ({
      why: `${name} on AssumeRole`,
      error: sdkError(name, 'The security token included in the request is expired', 400),
      ctx: context('AssumeRole'),
      profile: 'base',
      detail: 'the credentials have expired',
      hint: ['aws_session_token'],
    })),
    // Signed by session credentials (an MFA session or a role, perhaps cached): not the keys in the credentials file.
    ...['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException'].map((name): Case => ({
      why: `${name} for a call signed by session credentials: --refresh, not the credentials file`,
      error: sdkError(name, 'The security token included in the request is invalid', 403),
      ctx: context('AssumeRole', { signerKind: 'session' }),
      profile: 'base',
      detail: `STS no longer accepts the session credentials that signed AssumeRole (${name})`,
      hint: ['--refresh', 'the profile the chain starts from'],
    })),

    { why: 'STS off in the region', error: sdkError('RegionDisabledException', 'STS is not activated in this region'), ctx: context('AssumeRole'), profile: 'prod', detail: 'STS is not activated in this region', hint: ['--region', 'IAM'] },

    // The default branch.
    { why: 'unknown name with a message', error: sdkError('Throttling', 'Rate exceeded', 400), ctx: context('AssumeRole'), profile: 'prod', detail: 'STS AssumeRole failed: Throttling: Rate exceeded' },
    { why: 'a message equal to the name is not repeated', error: sdkError('InternalFailure', 'InternalFailure', 500), ctx: context('GetSessionToken'), profile: 'prod', detail: 'STS GetSessionToken failed: InternalFailure' },
    { why: 'an empty message', error: sdkError('ServiceUnavailable', '   ', 503), ctx: context('GetSessionToken'), profile: 'prod', detail: 'STS GetSessionToken failed: ServiceUnavailable' },
    { why: 'not an error object at all', error: undefined, ctx: context('AssumeRole'), profile: 'prod', detail: 'STS AssumeRole failed: Error' },
  ])('$why', ({ error, ctx, profile, detail, hint }) => {
    const translated = translateStsError(error, ctx);
    expect(translated).toBeInstanceOf(AwsenvError);
    expect(translated.kind).toBe('aws');
    expect(translated.profile).toBe(profile);
    expect(translated.detail).toBe(detail);
    expect(translated.message).toBe(`profile "${profile}": ${detail}`);
    expect(translated.cause).toBe(error);
    if (hint) for (const fragment of hint) expect(translated.hint).toContain(fragment);
    else expect(translated.hint).toBeUndefined();
  });

  it('without MFA in the message, an AccessDenied on GetSessionToken is not called an MFA failure', () => {
    const translated = translateStsError(sdkError('AccessDenied', 'denied'), context('GetSessionToken', { mfaSerial: MFA }));
    expect(translated.detail).not.toContain('MFA');
  });
});
