import type { SsoSession } from '../chain/types';
import type { AwsTarget } from '../config/endpoints';
import type { Credentials } from '../core/credentials';
import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import type { MetadataSource } from '../aws/metadataCredentials';
import type { PortalApi } from '../aws/portalApi';
import type { StsApi, StsCaller } from '../aws/stsApi';

/** Everything a provider may touch besides its step and source credentials: the seam tests fill with fakes. */
export interface ProviderDeps {
  /** Without credentials for the unsigned AssumeRoleWithWebIdentity. */
  sts(target: AwsTarget, credentials: Credentials | undefined, who: StsCaller): Promise<StsApi>;
  /** The MFA code for a serial, asked for the step of the profile named. */
  mfaCode(serial: string, profile: string): Promise<string>;
  /** A valid IAM Identity Center access token for the session; `rejected` is one the portal just refused. */
  ssoToken(session: SsoSession, rejected?: string): Promise<string>;
  ssoPortal(session: SsoSession, profile: string): Promise<PortalApi>;
  /** The instance's or the container's role, from its metadata endpoint. */
  metadataCredentials(source: MetadataSource, profile: string): Promise<Credentials>;
  now(): Date;
  log: Logger;
  /** The environment, read by the sources that live in it (CI tokens). */
  env: Env;
}

/** The credentials a step starts from, and the profile whose step produced them (named in error messages). */
export interface Source {
  readonly credentials: Credentials;
  readonly profile: string;
}
