import type { AwsTarget, SsoSession } from '../chain/types';
import type { PortalApi } from './ssoClients';
import type { Credentials } from './credentials';

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

export interface Logger {
  /** Shown only with --debug. */
  debug(message: string): void;
  /** Always shown on stderr: something went wrong but awsenv carries on. */
  warn(message: string): void;
}

/** Everything a provider may touch besides its step and source credentials. */
export interface ProviderDeps {
  /** Without credentials for the unsigned AssumeRoleWithWebIdentity. */
  sts(target: AwsTarget, credentials: Credentials | undefined, who: { profile: string; signedBy: string }): Promise<StsApi>;
  /** The MFA code for a serial: from --mfa-code once, then the terminal. */
  mfaCode(serial: string, profile: string): Promise<string>;
  /** A valid IAM Identity Center access token for the session; `rejected` is one the portal just refused. */
  ssoToken(session: SsoSession, rejected?: string): Promise<string>;
  ssoPortal(session: SsoSession, profile: string): Promise<PortalApi>;
  now(): Date;
  log: Logger;
  /** The environment, read by the sources that live in it (CI tokens, metadata endpoints). */
  env: Readonly<Record<string, string | undefined>>;
}

/** The credentials a step starts from, and the profile whose step produced them (named in error messages). */
export interface Source {
  readonly credentials: Credentials;
  readonly profile: string;
}
