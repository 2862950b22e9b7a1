import type { SsoSession, Step } from '../chain/types';
import type { AwsTarget } from '../config/endpoints';
import type { Credentials } from '../core/credentials';
import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import type { MetadataSource } from '../aws/metadataCredentials';
import type { PortalApi } from '../aws/portalApi';
import type { StsApi, StsCaller } from '../aws/stsApi';
import type { SigninApi } from '../aws/signinApi';
import type { LoginCache } from '../cache/loginTokenCache';

/** Everything a provider may touch besides its step and source credentials: the seam tests fill with fakes. */
export interface ProviderDeps {
  /** Without credentials for the unsigned AssumeRoleWithWebIdentity. */
  sts(target: AwsTarget, credentials: Credentials | undefined, who: StsCaller): Promise<StsApi>;
  /** The MFA code for a serial, asked for the step of the profile named, or got from its mfa_process. */
  mfaCode(serial: string, profile: string, mfaProcess?: string): Promise<string>;
  /** A valid IAM Identity Center access token for the session; `rejected` is one the portal just refused. */
  ssoToken(session: SsoSession, rejected?: string): Promise<string>;
  ssoPortal(session: SsoSession, profile: string): Promise<PortalApi>;
  /** The instance's or the container's role, from its metadata endpoint. */
  metadataCredentials(source: MetadataSource, profile: string): Promise<Credentials>;
  /** The cache files of the AWS CLI's `aws login`, and AWS Sign-In's token endpoint that refreshes them. */
  loginCache(): Promise<LoginCache>;
  signin(target: AwsTarget, profile: string): Promise<SigninApi>;
  now(): Date;
  log: Logger;
  /** The environment, read by the sources that live in it (CI tokens). */
  env: Env;
}

/** The credentials a step starts from, and the profile whose step produced them (named in error messages). */
export interface Source {
  readonly credentials: Credentials;
  readonly profile: string;
  /** The kind of step that produced them: keys written down, or credentials an earlier call got (maybe cached). */
  readonly kind: Step['kind'];
}

/** What an STS call is told about the credentials that sign it, so that a refusal blames the right thing. */
export const signer = (source: Source) => ({ signedBy: source.profile, signerKind: source.kind === 'static' ? ('keys' as const) : ('session' as const) });
