import type { ActionOutcome } from './stsActions';
import { accountOf } from './stsCredentials';
import { StsError, accessDenied } from './stsError';
import { Params, durationParam, requiredParam, roleSessionNameParam } from './stsParams';
import { packedPolicySize, startRoleSession } from './stsRoleSession';
import { FakeRole, StsState, WebIdentityClaims, WebIdentityOptions } from './stsTypes';
import { jwtClaims } from './webIdentityToken';

/** Unsigned: the token is the caller's only credential, so there is no caller identity to check. */
export function assumeRoleWithWebIdentity(params: Params, state: StsState): ActionOutcome {
  const roleArn = requiredParam(params, 'RoleArn');
  const sessionName = roleSessionNameParam(params);
  const token = requiredParam(params, 'WebIdentityToken');
  const durationSeconds = durationParam(params, 3600, 43200);
  const claims = state.webIdentityClaims(token);
  if (!claims) {
    // AWS's wording for a token it cannot verify, double space included.
    throw new StsError(
      'InvalidIdentityToken',
      400,
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims.expiresAt !== undefined && now >= claims.expiresAt) {
    // Sic: AWS leaves out the space before the second number.
    throw new StsError('ExpiredTokenException', 400, `Token expired: current date/time ${now} must be before the expiration date/time${claims.expiresAt}`);
  }
  const role = state.roles.find((candidate) => candidate.arn === roleArn);
  if (!role || !trustsToken(role, claims)) throw accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  const session = startRoleSession(state, role, sessionName, durationSeconds);
  return {
    result: {
      ...session.result,
      SubjectFromWebIdentityToken: claims.subject,
      Audience: claims.audience,
      // ProviderId names OAuth 2.0 providers (www.amazon.com); an OIDC token's provider is the IAM OIDC provider of its issuer.
      Provider: params.ProviderId ?? (claims.issuer && `arn:aws:iam::${accountOf(roleArn)}:oidc-provider/${claims.issuer.replace(/^https:\/\//, '')}`),
      PackedPolicySize: packedPolicySize(params.Policy),
    },
    issued: session.issued,
  };
}

/** How the fake reads a token, from FakeStsOptions.webIdentity. */
export function webIdentityClaimsFrom(options: WebIdentityOptions | undefined): StsState['webIdentityClaims'] {
  const tokens = options?.tokens ?? [];
  if (typeof tokens === 'function') return tokens;
  return (token) => {
    if (!tokens.includes(token)) return undefined;
    const claims = jwtClaims(token);
    // A registered token the fake cannot read is a mistake in the test; failing with 500 keeps it in sight.
    if (!claims) throw new Error('A registered web identity token is not a JWT with iss, sub and aud; register a function instead');
    return claims;
  };
}

function trustsToken(role: FakeRole, claims: WebIdentityClaims): boolean {
  if (role.webIdentity === undefined) return false;
  if (role.webIdentity === true) return true;
  const { issuer, audience, subject } = role.webIdentity;
  return (issuer === undefined || issuer === claims.issuer)
    && (audience === undefined || audience === claims.audience)
    && (subject === undefined || stringLike(subject, claims.subject));
}

/** IAM's StringLike: * matches any run of characters, ? any one. */
function stringLike(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}
