import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import type { Profile } from '../config/profile';
import { stsTarget, type AwsTarget } from '../config/endpoints';
import type { WebIdentityStep, WebIdentityToken } from './types';

const GITHUB_AUDIENCE = 'sts.amazonaws.com';

/** A profile with role_arn and web_identity_token_file, as EKS and the SDKs write it. */
export function webIdentityFromProfile(name: string, profile: Profile, config: AwsConfig, env: Env, region?: string): WebIdentityStep {
  return webIdentityStep(name, profile.role_arn!, { source: 'file', path: profile.web_identity_token_file! }, profile.role_session_name, stsTarget(profile, config, env, region), profile.duration_seconds);
}

/** AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE: the environment pair that wins over [default], as in the SDKs. */
export function webIdentityFromEnv(env: Env, config: AwsConfig, region?: string): WebIdentityStep | undefined {
  if (!env.AWS_ROLE_ARN || !env.AWS_WEB_IDENTITY_TOKEN_FILE) return undefined;
  return webIdentityStep(env.AWS_ROLE_ARN, env.AWS_ROLE_ARN, { source: 'file', path: env.AWS_WEB_IDENTITY_TOKEN_FILE }, env.AWS_ROLE_SESSION_NAME, stsTarget({}, config, env, region));
}

/** `--role-arn ARN --web-identity FILE`: a token file named on the command line. */
export function webIdentityFromFile(roleArn: string, path: string, sessionName: string | undefined, env: Env, config: AwsConfig, region?: string): WebIdentityStep {
  return webIdentityStep(roleArn, roleArn, { source: 'file', path }, sessionName, stsTarget({}, config, env, region));
}

/** `--role-arn ARN --web-identity github`: the job's own OIDC token, from the endpoint GitHub Actions provides. */
export function webIdentityFromGithub(roleArn: string, audience: string | undefined, sessionName: string | undefined, env: Env, config: AwsConfig, region?: string): WebIdentityStep {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((name) => !env[name]);
  if (missing.length) {
    throw configError(`--web-identity github needs ${missing.join(' and ')}, which GitHub Actions sets only for jobs allowed to ask for an ID token`, roleArn, 'Give the job "permissions: id-token: write".');
  }
  const token: WebIdentityToken = { source: 'github', audience: audience ?? GITHUB_AUDIENCE };
  return webIdentityStep(roleArn, roleArn, token, sessionName ?? githubSessionName(env), stsTarget({}, config, env, region));
}

function webIdentityStep(profile: string, roleArn: string, token: WebIdentityToken, roleSessionName: string | undefined, sts: AwsTarget, durationSeconds?: number): WebIdentityStep {
  return { kind: 'webIdentity', profile, roleArn, token, sts, ...(roleSessionName && { roleSessionName }), ...(durationSeconds && { durationSeconds }) };
}

// A session name that says which repository and run made the call, for CloudTrail.
function githubSessionName(env: Env): string | undefined {
  const parts = [env.GITHUB_REPOSITORY?.split('/').pop(), env.GITHUB_RUN_ID].filter(Boolean).join('-');
  const cleaned = `gha-${parts}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return parts ? cleaned : undefined;
}
