import type { Credentials } from '../core/credentials';
import type { Env } from '../core/env';
import { AwsenvError } from '../core/errors';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { loadConfig } from '../config/loadConfig';
import { describeChain } from '../chain/describe';
import { resolve } from '../chain/resolve';
import { resolveAdHoc, resolveEnvWebIdentity } from '../chain/resolveAdHoc';
import type { Chain } from '../chain/types';
import { hintAtTerminal } from '../interaction/hintAtTerminal';
import { hintLongTermKeys } from '../interaction/longTermKeysHint';
import { runChain } from '../providers/runChain';
import { exportPlan, type Plan } from '../render/plan';
import { shellExportPlan } from '../render/shellPlans';
import type { CredentialFlags } from './command';
import { MFA_CODE_VARIABLE, mfaCodeOf } from './mfaCodeOf';
import { pickProfile } from './pickProfile';
import { regionHintOf } from './regionHint';
import type { Wiring } from './wire';

/**
 * config → resolve → run: the plan an export prints, exec applies and awsuse evaluates. `forPerson`: the output is
 * for a person's shell, who may take a hint about long-term keys and whose region and profile variables awsenv
 * switches with care (shellExportPlan); not for `credential_process` (which the AWS CLI runs on every call, with the
 * terminal as stderr), JSON or a CI file.
 */
export async function obtainPlan(flags: CredentialFlags, wiring: Wiring, options: ExportOptions = {}): Promise<Plan> {
  const obtained = await obtainExport(flags, wiring, options);
  // awsuse says it in its own lines on stderr, terminal or not; an export and exec only to a person at a terminal.
  if (options.forPerson ?? true) await hintAtTerminal(() => regionHintOf(obtained, options.shellEnv ?? wiring.env, wiring.log));
  return obtained.plan;
}

/** What an export got: the plan, and the chain, credentials and config it came from (for awsuse's lines on stderr). */
export interface Obtained {
  readonly plan: Plan;
  readonly chain: Chain;
  readonly credentials: Credentials;
  readonly config: AwsConfig;
}

export interface ExportOptions {
  readonly forPerson?: boolean;
  /** awsuse --auto-refresh, recorded for the shell's prompt hook. */
  readonly autoRefresh?: boolean;
  /** The environment of the shell that evaluates the output, when not awsenv's own (a file for later: none). */
  readonly shellEnv?: Env;
}

/** obtainPlan, with the chain and the credentials beside the plan. */
export async function obtainExport(flags: CredentialFlags, wiring: Wiring, { forPerson = true, autoRefresh, shellEnv = wiring.env }: ExportOptions = {}): Promise<Obtained> {
  const { credentials, chain, config } = await obtainCredentials(flags, wiring);
  if (!forPerson) return { plan: exportPlan(credentials, chain.profile, chain.region), chain, credentials, config };
  if (!credentials.sessionToken) await hintLongTermKeys(chain.profile);
  return { plan: shellExportPlan(credentials, chain.profile, chain.region, shellEnv, { autoRefresh }), chain, credentials, config };
}

/**
 * What an export obtains, before it becomes a plan: the credentials, the chain that gave them and the config it read.
 * `check` may refuse the chain before any step runs (and so before an MFA code is asked for).
 */
export async function obtainCredentials(flags: CredentialFlags, wiring: Wiring, check?: (chain: Chain) => void): Promise<{ credentials: Credentials; chain: Chain; config: AwsConfig }> {
  const { env, log } = wiring;
  // First: a code of the wrong shape is a usage error, and stdin is read before anything can take it over.
  const mfaCode = await mfaCodeOf(flags.mfaCode, env);
  const config = loadConfig(env, log);
  const requested = flags.adHoc?.roleArn ?? pickProfile(flags.profile, env).name;
  try {
    const chain = chooseChain(flags, config, wiring);
    log.debug(describeChain(chain));
    for (const warning of chain.warnings ?? []) log.warn(warning);
    check?.(chain);
    if (mfaCode !== undefined) checkMfaWanted(chain, flags.mfaCode === undefined ? `$${MFA_CODE_VARIABLE}` : '--mfa-code');
    if (!flags.cache) log.debug('--no-cache: not reading or writing cached credentials');
    else if (flags.refresh) log.debug('--refresh: not reading cached credentials');
    const credentials = await runChain(chain, wiring.providerDeps(chain.profile, mfaCode), { cache: flags.cache ? wiring.credentialCache() : undefined, read: !flags.refresh });
    return { credentials, chain, config };
  } catch (error) {
    // The one place an error learns which profile was asked for, when it happened at another one on the way.
    throw error instanceof AwsenvError ? error.onTheWayTo(requested) : error;
  }
}

/**
 * A code for a chain that asks for none would be dropped without a word, and the user would think they hold an MFA
 * session: from the flag or from the variable, it is refused with the two ways to get one.
 */
function checkMfaWanted(chain: Chain, given: string): void {
  if (chain.steps.some((step) => step.kind === 'sessionToken' || (step.kind === 'assumeRole' && step.mfaSerial))) return;
  throw new AwsenvError('usage', `${given} was given, but no step of this chain uses an MFA code: the profile has no mfa_serial`, {
    profile: chain.profile,
    hint: `Add mfa_serial = arn:aws:iam::ACCOUNT:mfa/DEVICE to profile "${chain.profile}", or pass --mfa-serial arn:aws:iam::ACCOUNT:mfa/DEVICE for one MFA session; or leave out ${given}.`,
  });
}

/**
 * Which chain the command line asks for: an ad-hoc role; else the profile named by the argument or AWS_PROFILE;
 * else the AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE pair, which wins over [default] as in the SDKs; else default.
 */
function chooseChain(flags: CredentialFlags, config: AwsConfig, { env }: Wiring): Chain {
  const options = { env, region: flags.region, durationSeconds: flags.durationSeconds, mfaSerial: flags.mfaSerial };
  if (flags.adHoc) {
    if (flags.profile) throw new AwsenvError('usage', `--role-arn names the role; "${flags.profile}" would name another`, { hint: 'Use --source-profile for the profile whose credentials assume the role.' });
    return resolveAdHoc(flags.adHoc, config, options);
  }
  const { name, origin } = pickProfile(flags.profile, env);
  return (origin === 'default' && resolveEnvWebIdentity(config, options)) || resolve(name, config, { ...options, origin });
}
