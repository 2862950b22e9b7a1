import { AwsenvError, configError } from '../core/errors';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { hasStaticKeys } from '../config/profile';
import { stsTarget } from '../config/endpoints';
import { checkChain } from './checkChain';
import { credentialSourceStep } from './credentialSource';
import { loginStep } from './loginStep';
import { resolveSso } from './resolveSso';
import { roleSteps } from './roleSteps';
import { sourceKind } from './sourceKind';
import { staticStep } from './staticStep';
import { DEFAULT_SESSION_SECONDS } from './limits';
import type { Chain, ProcessStep, ResolveOptions, StaticStep, Step } from './types';
import { walkSourceProfiles, type Link } from './walkSourceProfiles';
import { webIdentityFromProfile } from './webIdentitySteps';

/**
 * Turns a profile name into the steps that produce its credentials. Pure: no I/O, no prompts. Every configuration
 * error surfaces here, before the user is asked for an MFA code or any AWS call is made.
 */
export function resolve(name: string, config: AwsConfig, options: ResolveOptions): Chain {
  try {
    return resolveChain(name, config, options);
  } catch (error) {
    throw error instanceof AwsenvError ? error.onTheWayTo(name) : error;
  }
}

function resolveChain(name: string, config: AwsConfig, options: ResolveOptions): Chain {
  const links = withMfaSerialFlag(walkSourceProfiles(name, config, options.env, options.origin), options.mfaSerial);
  const decisions: string[] = [];
  const root = links.length - 1;
  let steps = rootSteps(links, config, options, decisions);
  // Then every role above the root, from the root's side up to the profile asked for.
  for (let i = root - 1; i >= 0; i--) {
    steps = roleSteps(steps, links[i], { source: links[i + 1].profile, requested: i === 0, config, options, decisions });
  }
  steps = withFinalDuration(steps, options.durationSeconds);
  const warnings = unusedDuration(steps, options.durationSeconds);
  if (options.mfaSerial && !steps.some((step) => 'mfaSerial' in step && step.mfaSerial === options.mfaSerial)) {
    throw new AwsenvError('usage', `--mfa-serial was given, but profile "${name}" has no long-term keys or role for an MFA device to serve`, {
      profile: name,
      hint: 'An MFA session starts from long-term keys (aws_access_key_id without aws_session_token), or is proved to a role: leave out --mfa-serial.',
    });
  }
  checkChain(steps);
  return { profile: name, steps, region: options.region || links[0].profile.region, decisions, ...(warnings.length && { warnings }) };
}

/** The steps of the root: the profile where the source_profile links end, whose own settings give credentials. */
function rootSteps(links: readonly Link[], config: AwsConfig, options: ResolveOptions, decisions: string[]): Step[] {
  const link = links[links.length - 1];
  const { name, profile } = link;
  const isSource = links.length > 1;
  if (isSource && hasStaticKeys(profile)) return [staticStep(name, profile)];
  const kind = sourceKind(profile);
  switch (kind) {
    case 'role': {
      if (profile.source_profile && profile.credential_source) {
        throw configError('has both source_profile and credential_source', name, 'Keep one of them: they name two different sources for the role.');
      }
      // The role's source is its own: the environment, the instance or container, or the keys written beside it.
      const source = profile.credential_source ? credentialSourceStep(name, profile.credential_source, options.env) : staticStep(name, profile);
      return roleSteps([source], link, { requested: !isSource, config, options, decisions });
    }
    case 'webIdentity':
      return [webIdentityFromProfile(name, profile, config, options.env, options.region)];
    case 'roleWithoutSource':
      throw configError('has role_arn but no source_profile or credential_source', name, 'Add source_profile = <profile with credentials> to it.');
    case 'sso':
      return [resolveSso(name, profile, config, options.env)];
    case 'keys': {
      if (!hasStaticKeys(profile)) {
        throw configError(`has no ${profile.aws_access_key_id ? 'aws_secret_access_key' : 'aws_access_key_id'}`, name, 'Both keys belong in the credentials file.');
      }
      const keys = staticStep(name, profile);
      return keys.sessionToken ? [keys] : withOwnMfaSession(keys, link, config, options, decisions);
    }
    case 'login':
      return [loginStep(name, profile, config, options.env, options.region)];
    case 'process': {
      const keys: ProcessStep = { kind: 'process', profile: name, command: profile.credential_process! };
      // As a source it gives its keys and nothing more, as written keys do; its own mfa_serial is for when it is asked for.
      return isSource ? [keys] : withOwnMfaSession(keys, link, config, options, decisions);
    }
    case 'none':
      throw configError('has no credentials', name, 'Give it aws_access_key_id and aws_secret_access_key, or role_arn with source_profile.');
  }
}

/**
 * --mfa-serial stands for the mfa_serial of the profile asked for, over the one it may name, as the command line
 * overrules the files elsewhere: every rule of where the code goes then applies to it unchanged. The profile's
 * mfa_process stays only for its own device: for another one it would print the wrong code.
 */
function withMfaSerialFlag(links: Link[], mfaSerial: string | undefined): Link[] {
  if (!mfaSerial) return links;
  const [{ name, profile }, ...rest] = links;
  const mfaProcess = profile.mfa_serial === undefined || profile.mfa_serial === mfaSerial ? profile.mfa_process : undefined;
  return [{ name, profile: { ...profile, mfa_serial: mfaSerial, mfa_process: mfaProcess } }, ...rest];
}

/** Long-term keys of the profile asked for, and an MFA session in front of them when it names its device. */
function withOwnMfaSession(keys: StaticStep | ProcessStep, { name, profile }: Link, config: AwsConfig, options: ResolveOptions, decisions: string[]): Step[] {
  if (!profile.mfa_serial) return [keys];
  const whose = keys.kind === 'process' ? `the keys the credential_process of "${name}" gives` : `the keys of "${name}"`;
  decisions.push(`MFA: the code for ${profile.mfa_serial} goes to GetSessionToken for ${whose}, the profile asked for`);
  return [keys, { kind: 'sessionToken', profile: name, mfaSerial: profile.mfa_serial, ...(profile.mfa_process && { mfaProcess: profile.mfa_process }), durationSeconds: profile.duration_seconds ?? DEFAULT_SESSION_SECONDS, sts: stsTarget(profile, config, options.env, options.region) }];
}

// What sets the lifetime of the credentials a step gives when STS is not asked for one.
const LIFETIME_SET_BY: Partial<Record<Step['kind'], string>> = {
  static: 'long-term keys do not expire',
  sso: "IAM Identity Center gives a role's credentials for the permission set's session duration",
  process: 'credential_process decides how long its credentials last',
  login: 'a console sign-in gives 15-minute credentials and refreshes them',
  instanceMetadata: 'the instance role gives credentials as they come',
  container: 'the container role gives credentials as they come',
};

/** --duration on a chain whose last step takes none: a warning, never silence. */
function unusedDuration(steps: readonly Step[], durationSeconds: number | undefined): string[] {
  const why = durationSeconds !== undefined ? LIFETIME_SET_BY[steps[steps.length - 1].kind] : undefined;
  return why ? [`--duration does not apply to profile "${steps[steps.length - 1].profile}" and is ignored: ${why}`] : [];
}

function withFinalDuration(steps: Step[], durationSeconds: number | undefined): Step[] {
  const last = steps[steps.length - 1];
  // Only STS steps take a lifetime: keys have none, and the other sources set their own.
  if (durationSeconds === undefined || (last.kind !== 'sessionToken' && last.kind !== 'assumeRole' && last.kind !== 'webIdentity')) return steps;
  return [...steps.slice(0, -1), { ...last, durationSeconds }];
}
