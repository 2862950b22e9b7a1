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
}

export interface FakeStsOptions {
  users: FakeUser[];
  roles: FakeRole[];
  /** MFA codes that always fail; ["000000"] when unset. */
  rejectCodes?: string[];
  /** Holds every answer back this long, for timeout tests. */
  delayMs?: number;
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
}
