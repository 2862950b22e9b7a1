import { configError } from '../core/errors';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { stsTarget } from '../config/endpoints';
import { checkChain } from './checkChain';
import { credentialSourceStep } from './credentialSource';
import { resolve } from './resolve';
import type { Chain, ResolveOptions, Step } from './types';
import { webIdentityFromEnv, webIdentityFromFile, webIdentityFromGithub } from './webIdentitySteps';

/** A role asked for on the command line rather than in a profile: `--role-arn ARN` and its source. */
export interface AdHocRole {
  readonly roleArn: string;
  /** --source-profile: a profile whose credentials assume the role; without it, the environment's keys. */
  readonly sourceProfile?: string;
  /** --web-identity: "github" for the job's own OIDC token, or the path of a token file. */
  readonly webIdentity?: string;
  readonly audience?: string;
  readonly roleSessionName?: string;
}

/** The chain for an ad-hoc role, with the same checks as a profile's: every error before any call. */
export function resolveAdHoc(role: AdHocRole, config: AwsConfig, options: ResolveOptions): Chain {
  const { env, region, durationSeconds } = options;
  if (role.webIdentity && role.sourceProfile) throw configError('--web-identity and --source-profile name two sources for one role; keep one', role.roleArn);
  if (role.webIdentity) {
    const step =
      role.webIdentity === 'github'
        ? webIdentityFromGithub(role.roleArn, role.audience, role.roleSessionName, env, config, region)
        : webIdentityFromFile(role.roleArn, role.webIdentity, role.roleSessionName, env, config, region);
    return finish(role.roleArn, [{ ...step, ...(durationSeconds && { durationSeconds }) }], region);
  }
  const source = role.sourceProfile
    ? resolve(role.sourceProfile, config, { ...options, durationSeconds: undefined })
    : { steps: [credentialSourceStep(role.roleArn, 'Environment', env)], decisions: [] };
  const assume: Step = {
    kind: 'assumeRole',
    profile: role.roleArn,
    roleArn: role.roleArn,
    sts: stsTarget({}, config, env, region),
    ...(role.roleSessionName && { roleSessionName: role.roleSessionName }),
    ...(durationSeconds && { durationSeconds }),
  };
  return finish(role.roleArn, [...source.steps, assume], region, source.decisions);
}

/** AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, when neither a profile argument nor AWS_PROFILE names a profile. */
export function resolveEnvWebIdentity(config: AwsConfig, options: ResolveOptions): Chain | undefined {
  const step = webIdentityFromEnv(options.env, config, options.region);
  if (!step) return undefined;
  return finish(step.profile, [{ ...step, ...(options.durationSeconds && { durationSeconds: options.durationSeconds }) }], options.region);
}

function finish(label: string, steps: Step[], region: string | undefined, decisions: readonly string[] = []): Chain {
  checkChain(steps);
  return { profile: label, steps, ...(region && { region }), decisions };
}
