import type { Env } from '../core/env';
import type { AwsTarget } from '../config/endpoints';

/** Keys written in a profile. The only step that holds a secret: describeChain() never prints it. */
export interface StaticStep {
  readonly kind: 'static';
  readonly profile: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** STS GetSessionToken with an MFA code: the session every role sharing the source and serial reuses. */
export interface SessionTokenStep {
  readonly kind: 'sessionToken';
  readonly profile: string;
  readonly mfaSerial: string;
  /** mfa_process: the command that prints the code, when the profile has one (not part of the cache key). */
  readonly mfaProcess?: string;
  readonly durationSeconds: number;
  readonly sts: AwsTarget;
}

/** STS AssumeRole with the credentials of the step before it. */
export interface AssumeRoleStep {
  readonly kind: 'assumeRole';
  readonly profile: string;
  readonly roleArn: string;
  readonly roleSessionName?: string;
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  /** Set only when this call itself must carry an MFA code (no earlier step authenticated with this serial). */
  readonly mfaSerial?: string;
  /** With mfaSerial, the mfa_process that prints its code. */
  readonly mfaProcess?: string;
  readonly durationSeconds?: number;
  /** session_tags, and the keys among them that transitive_session_tags passes on to roles chained from this one. */
  readonly tags?: readonly SessionTag[];
  readonly transitiveTagKeys?: readonly string[];
  readonly sts: AwsTarget;
}

/** A session tag AssumeRole attaches to the role session. */
export interface SessionTag {
  readonly key: string;
  readonly value: string;
}

/** An IAM Identity Center sign-in: one sso-session section, or the legacy keys of one profile. */
/** How IAM Identity Center signs in: a browser on this machine coming back to awsenv, or a code shown anywhere. */
export type SignInFlow = 'authCode' | 'deviceCode';

export interface SsoSession {
  /** The sso-session section's name; undefined for a legacy profile, whose token is filed by start URL. */
  readonly name?: string;
  readonly startUrl: string;
  readonly region: string;
  readonly scopes?: readonly string[];
  /** The sso-session's awsenv_sign_in_flow, when set: the flow to sign in with whatever the machine looks like. */
  readonly signInFlow?: SignInFlow;
  readonly oidc: AwsTarget;
  readonly portal: AwsTarget;
}

/** SSO GetRoleCredentials with the session's access token. Always the first step of its chain. */
export interface SsoStep {
  readonly kind: 'sso';
  readonly profile: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly session: SsoSession;
}

/** Where a web identity token comes from: a file re-read on every fetch, or GitHub Actions' OIDC endpoint. */
export type WebIdentityToken = { readonly source: 'file'; readonly path: string } | { readonly source: 'github'; readonly audience: string };

/** STS AssumeRoleWithWebIdentity: an unsigned call, so always the first step of its chain. */
export interface WebIdentityStep {
  readonly kind: 'webIdentity';
  readonly profile: string;
  readonly roleArn: string;
  readonly roleSessionName?: string;
  readonly durationSeconds?: number;
  readonly token: WebIdentityToken;
  readonly sts: AwsTarget;
}

/** credential_process: a command run as the AWS CLI runs it, printing version-1 JSON. */
export interface ProcessStep {
  readonly kind: 'process';
  readonly profile: string;
  readonly command: string;
}

/** credential_source = Ec2InstanceMetadata (IMDSv2) or EcsContainer, read through the SDK's own providers. */
export interface MetadataStep {
  readonly kind: 'instanceMetadata' | 'container';
  readonly profile: string;
}

/**
 * A console sign-in of the AWS CLI's `aws login` (login_session): the credentials in its cache file, refreshed with
 * AWS Sign-In's token endpoint when they are near their end. Always the first step of its chain.
 */
export interface LoginStep {
  readonly kind: 'login';
  readonly profile: string;
  /** The login_session value: the session's ARN, which names the AWS CLI's cache file. */
  readonly loginSession: string;
  /** Where a refresh goes when the cache file names no sign-in region: the profile's region, and any endpoint override. */
  readonly signin: AwsTarget;
}

export type Step = StaticStep | SessionTokenStep | AssumeRoleStep | SsoStep | WebIdentityStep | ProcessStep | MetadataStep | LoginStep;

/** What resolve() hands to the runner: the steps in order, and what the export adds besides credentials. */
export interface Chain {
  readonly profile: string;
  readonly steps: readonly Step[];
  /** The region to export: the --region flag or the named profile's own region. */
  readonly region?: string;
  /** Why resolve() shaped the chain as it did where the choice is not obvious (where the MFA code goes), for --debug. */
  readonly decisions?: readonly string[];
  /** Settings asked for that this chain cannot honour, each said once on stderr rather than dropped in silence. */
  readonly warnings?: readonly string[];
}

/** Where the profile name came from, so an unknown name can be traced to the AWS_PROFILE that set it. */
export type ProfileOrigin = 'argument' | 'AWS_PROFILE' | 'default';

/** What resolve() needs besides the config: the environment and the flags that shape the chain. */
export interface ResolveOptions {
  readonly env: Env;
  /** --region: exported, and used for every AWS call of the chain. */
  readonly region?: string;
  /** --duration: applies to the last step, the credentials that get exported. */
  readonly durationSeconds?: number;
  /** --mfa-serial: the MFA device of the profile asked for, in place of its mfa_serial. */
  readonly mfaSerial?: string;
  readonly origin?: ProfileOrigin;
}
