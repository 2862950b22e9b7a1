import path from 'node:path';
import { loadConfig, type AwsConfig, type Env } from '../config/loadConfig';
import { homeDir } from '../config/sharedFilePaths';
import { AwsenvError } from '../errors';
import { resolveAdHoc, resolveEnvWebIdentity, type AdHocRole } from '../chain/resolveAdHoc';
import type { Chain } from '../chain/types';
import { resolve, type ResolveOptions } from '../chain/resolve';
import { describeChain } from '../chain/describe';
import { runChain } from '../providers/runChain';
import { mfaCodes } from '../providers/mfaPrompt';
import { createStsApi } from '../providers/stsClient';
import { fileCache } from '../cache/credentialCache';
import type { Logger } from '../providers/deps';
import { exportPlan, type Plan } from '../render/plan';
import { ssoWiring } from './ssoWiring';

export interface CredentialFlags {
  readonly profile?: string;
  readonly region?: string;
  readonly mfaCode?: string;
  readonly durationSeconds?: number;
  readonly refresh: boolean;
  readonly cache: boolean;
  /** --role-arn and its source, for a role named on the command line instead of in a profile. */
  readonly adHoc?: AdHocRole;
}

/** PROFILE from the argument, else AWS_PROFILE, else "default", remembering which, for error messages. */
export function pickProfile(argument: string | undefined, env: Env): { name: string; origin: NonNullable<ResolveOptions['origin']> } {
  if (argument) return { name: argument, origin: 'argument' };
  if (env.AWS_PROFILE) return { name: env.AWS_PROFILE, origin: 'AWS_PROFILE' };
  return { name: 'default', origin: 'default' };
}

export const cacheDir = (env: Env) => path.join(homeDir(env), '.aws', 'awsenv');

/** config → resolve → run: the plan an export prints, exec applies and awsuse evaluates. */
export async function obtainPlan(flags: CredentialFlags, env: Env, log: Logger): Promise<Plan> {
  const config = await loadConfig(env);
  const chain = chooseChain(flags, config, env);
  const name = chain.profile;
  log.debug(describeChain(chain));
  const sso = ssoWiring(env, log);
  if (!flags.cache) log.debug('--no-cache: not reading or writing cached credentials');
  else if (flags.refresh) log.debug('--refresh: not reading cached credentials');
  const credentials = await runChain(
    chain,
    {
      sts: (target, credentials, who) => createStsApi(target, credentials, who, log),
      mfaCode: mfaCodes(flags.mfaCode, name),
      ssoToken: (session, rejected) => sso.token(session, name, rejected),
      ssoPortal: (session, profile) => sso.portal(session.portal, profile, log),
      now: () => new Date(),
      log,
      env,
    },
    { cache: flags.cache ? fileCache(cacheDir(env), log) : undefined, read: !flags.refresh },
  );
  return exportPlan(credentials, name, chain.region);
}

/**
 * Which chain the command line asks for: an ad-hoc role; else the profile named by the argument or AWS_PROFILE;
 * else the AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE pair, which wins over [default] as in the SDKs; else default.
 */
function chooseChain(flags: CredentialFlags, config: AwsConfig, env: Env): Chain {
  const options = { env, region: flags.region, durationSeconds: flags.durationSeconds };
  if (flags.adHoc) {
    if (flags.profile) throw new AwsenvError('usage', `--role-arn names the role; "${flags.profile}" would name another`, { hint: 'Use --source-profile for the profile whose credentials assume the role.' });
    return resolveAdHoc(flags.adHoc, config, options);
  }
  const { name, origin } = pickProfile(flags.profile, env);
  return (origin === 'default' && resolveEnvWebIdentity(config, options)) || resolve(name, config, { ...options, origin });
}
