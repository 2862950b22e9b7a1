import type { FakeSts } from './sts';

export interface FakeSsoAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  /** Permission set names assigned to the user in this account, e.g. "AdministratorAccess". */
  roles: string[];
}

export interface FakeSsoOptions {
  accounts: FakeSsoAccount[];
  /** Makes the role credentials the portal hands out valid at this fake STS (SSO, then switch role). */
  sts?: FakeSts;
  /** The signed-in person's IAM Identity Center user name, the role session name; "sso-user@example.com" when unset. */
  userName?: string;
  /** Access token lifetime; 28800 (8 hours) when unset. */
  accessTokenSeconds?: number;
  /**
   * true when unset. Even then, as in IAM Identity Center, only clients registered with grantTypes that include
   * "refresh_token" get one (the AWS CLI's sso-session flow registers so; its legacy flow does not).
   */
  issueRefreshTokens?: boolean;
  /** ListAccounts and ListAccountRoles page size when the caller sets no maxResults; 2 when unset. */
  pageSize?: number;
  /**
   * Device codes are approved as soon as they are issued, and GET /authorize redirects with a code at once instead of
   * showing its Approve and Deny page; false when unset, so tests call approve(userCode) or press a button.
   */
  autoApprove?: boolean;
  /** The authorize page presses this button itself once loaded, as a person would: for a real browser in a test. */
  pressOnLoad?: 'approve' | 'deny';
}

export interface SsoCall {
  service: 'oidc' | 'portal';
  action: string;
  /** The command input as the SDK caller wrote it (JSON body, or query and bearer header under model names). */
  input: Record<string, unknown>;
  status: number;
  errorCode?: string;
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  /** undefined when the client registered without grantTypes, which IAM Identity Center reads as device code only. */
  grantTypes?: string[];
  /** What an authorization code client registered as its redirect (a loopback URI, any port) and issuer. */
  redirectUris?: string[];
  issuerUrl?: string;
  secretExpiresAt: number;
}

/** One visit of the authorize page: what it was asked, and the code it redirected with once approved. */
export interface CodeAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  code?: string;
  codeExpiresAt?: number;
  exchanged: boolean;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  status: 'pending' | 'approved' | 'denied' | 'exchanged';
}

/** One browser sign-in: every access and refresh token that grew from one device code shares it, and Logout ends it. */
export interface SignIn {
  loggedOut: boolean;
}

export interface AccessToken {
  token: string;
  signIn: SignIn;
  expiresAt: number;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  signIn: SignIn;
  /** False once exchanged (tokens rotate) or revoked. */
  usable: boolean;
}

export interface SsoSettings {
  accounts: FakeSsoAccount[];
  sts?: FakeSts;
  userName: string;
  accessTokenSeconds: number;
  issueRefreshTokens: boolean;
  pageSize: number;
  autoApprove: boolean;
  pressOnLoad?: 'approve' | 'deny';
}

/** Everything the fake remembers between requests. */
export interface SsoState {
  settings: SsoSettings;
  url: string;
  clients: Map<string, RegisteredClient>;
  /** By device code. */
  authorizations: Map<string, DeviceAuthorization>;
  /** By the id the authorize page's form carries. */
  codeAuthorizations: Map<string, CodeAuthorization>;
  accessTokens: Map<string, AccessToken>;
  refreshTokens: Map<string, RefreshToken>;
  /** How many device code polls still answer SlowDownException. */
  slowDowns: number;
}

export type Input = Record<string, unknown>;
