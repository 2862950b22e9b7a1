import type { StsFault } from './stsFaults';

export interface FakeUser {
  accessKeyId: string;
  secretAccessKey: string;
  /** e.g. "arn:aws:iam::111111111111:user/alice" */
  arn: string;
  /** The user's virtual MFA device ARN. */
  mfaSerial?: string;
}

export interface FakeRole {
  /** e.g. "arn:aws:iam::222222222222:role/admin" */
  arn: string;
  requireMfa?: boolean;
  externalId?: string;
  /** User or role ARNs allowed to assume the role (a role session counts as its role); undefined lets anyone known in. */
  trustedPrincipals?: string[];
  /** Seconds; 3600 when unset, as for a new IAM role. */
  maxSessionDuration?: number;
  /**
   * Lets AssumeRoleWithWebIdentity in: true for any registered token, or the trust policy's conditions on its claims.
   * Unset, the role trusts no identity provider.
   */
  webIdentity?: true | WebIdentityTrust;
}

/** The conditions a trust policy puts on a web identity token; each one left out matches anything. */
export interface WebIdentityTrust {
  /** The token's iss, e.g. "https://token.actions.githubusercontent.com": the identity provider the role names. */
  issuer?: string;
  /** The aud claim, compared exactly (StringEquals on "…:aud"). */
  audience?: string;
  /** The sub claim, where * matches any run of characters (StringLike on "…:sub"), e.g. "repo:octo-org/octo-repo:*". */
  subject?: string;
}

/** What STS reads from a web identity token it trusts. */
export interface WebIdentityClaims {
  subject: string;
  audience?: string;
  /** The token's iss; the response's Provider names the OIDC provider made from it. */
  issuer?: string;
  /** Seconds since the epoch, as a JWT's exp; ExpiredTokenException from then on. */
  expiresAt?: number;
}

export interface WebIdentityOptions {
  /**
   * The tokens STS takes as signed by a trusted provider, since the fake checks no signatures: JWTs whose claims it
   * reads, or a function giving a token's claims (undefined for a token it does not trust). An array is read on every
   * call, so a live one (FakeGithubOidc.issued) registers tokens minted after the fake started.
   */
  tokens: readonly string[] | ((token: string) => WebIdentityClaims | undefined);
}

export interface FakeStsOptions {
  users: FakeUser[];
  roles: FakeRole[];
  /** MFA codes that always fail; ["000000"] when unset. */
  rejectCodes?: string[];
  /** Holds every answer back this long, for timeout tests. */
  delayMs?: number;
  /** Unset, every AssumeRoleWithWebIdentity answers InvalidIdentityToken. */
  webIdentity?: WebIdentityOptions;
}

/** Who a set of credentials speaks for, as STS sees it. */
export interface Identity {
  /** The ARN GetCallerIdentity reports: the user, or the assumed-role session. */
  arn: string;
  userId: string;
  /** The ARN trust policies name: the user, or the role behind a role session. */
  trustArn: string;
  /** The IAM user behind long-term keys or a GetSessionToken session, whose MFA device it may use. */
  user?: FakeUser;
  mfaAuthenticated: boolean;
  temporary: boolean;
  /** A role session's tags (AssumeRole's Tags, and the transitive ones of the session it was chained from). */
  sessionTags?: Record<string, string>;
  /** The keys among sessionTags that pass on to roles chained from this session. */
  transitiveTagKeys?: string[];
  /** A GetFederationToken session's policy, as sent. */
  federatedPolicy?: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  identity: Identity;
}

export interface StsCall {
  action: string;
  /** Every form parameter except Action and Version. */
  params: Record<string, string>;
  /** The key named in the Authorization header, known or not. */
  accessKeyId?: string;
  sessionToken?: string;
  /** Set once the signature checked out. */
  principalArn?: string;
  mfaAuthenticated?: boolean;
  status: number;
  errorCode?: string;
  /** The AccessKeyId this call handed out. */
  issuedAccessKeyId?: string;
  /** The fault injected into this call's answer (FakeSts.injectFaults). */
  fault?: StsFault;
}

/** Everything the fake remembers between requests. */
export interface StsState {
  users: FakeUser[];
  roles: FakeRole[];
  rejectCodes: string[];
  issued: IssuedCredentials[];
  expiredKeys: Set<string>;
  /** MFA serial → codes already accepted, since each code works once. */
  usedCodes: Map<string, Set<string>>;
  /** undefined for a token no trusted provider signed. */
  webIdentityClaims(token: string): WebIdentityClaims | undefined;
}
