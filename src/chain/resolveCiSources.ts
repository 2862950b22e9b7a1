import { configError } from '../errors';
import type { AwsConfig, Env } from '../config/loadConfig';
import type { Profile } from '../config/profile';
import { stsTarget } from '../config/endpoints';
import type { AwsTarget, MetadataStep, StaticStep, WebIdentityStep, WebIdentityToken } from './types';

export const GITHUB_AUDIENCE = 'sts.amazonaws.com';

const truthy = (value: string | undefined) => value?.trim().toLowerCase() === 'true';

/** A profile with role_arn and web_identity_token_file, as EKS and the SDKs write it. */
export function webIdentityFromProfile(name: string, profile: Profile, config: AwsConfig, env: Env, region?: string): WebIdentityStep {
  return webIdentityStep(name, profile.role_arn!, { source: 'file', path: profile.web_identity_token_file! }, profile.role_session_name, stsTarget(profile, config, env, region), profile.duration_seconds);
}

/** AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE: the environment pair that wins over [default], as in the SDKs. */
export function webIdentityFromEnv(env: Env, config: AwsConfig, region?: string): WebIdentityStep | undefined {
  if (!env.AWS_ROLE_ARN || !env.AWS_WEB_IDENTITY_TOKEN_FILE) return undefined;
  return webIdentityStep(env.AWS_ROLE_ARN, env.AWS_ROLE_ARN, { source: 'file', path: env.AWS_WEB_IDENTITY_TOKEN_FILE }, env.AWS_ROLE_SESSION_NAME, stsTarget({}, config, env, region));
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

/** The credential_source of a role: the keys in the environment, or the instance's or container's role. */
export function credentialSourceStep(name: string, source: string, env: Env): StaticStep | MetadataStep {
  switch (source) {
    case 'Environment': {
      if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) {
        throw configError(`profile "${name}" takes its source keys from the environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set`, name);
      }
      return { kind: 'static', profile: `${name} (environment)`, accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }) };
    }
    case 'Ec2InstanceMetadata':
      if (truthy(env.AWS_EC2_METADATA_DISABLED)) throw configError(`profile "${name}" uses the instance's role, but AWS_EC2_METADATA_DISABLED is true`, name);
      return { kind: 'instanceMetadata', profile: name };
    case 'EcsContainer':
      if (!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI && !env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
        throw configError(`profile "${name}" uses the container's role, but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set`, name, 'These are set inside ECS tasks and EKS pods with a role.');
      }
      return { kind: 'container', profile: name };
    default:
      throw configError(`profile "${name}" has credential_source = ${source}`, name, 'It takes Environment, Ec2InstanceMetadata or EcsContainer.');
  }
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
