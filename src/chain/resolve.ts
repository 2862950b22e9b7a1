import { AwsenvError, configError } from '../errors';
import type { AwsConfig, Env } from '../config/loadConfig';
import { sharedFilePaths } from '../config/sharedFilePaths';
import { hasStaticKeys, parseProfile, usesSso, type Profile } from '../config/profile';
import { stsTarget } from '../config/endpoints';
import { closestName } from './suggest';
import { checkChain, ROLE_CHAINING_MAX_SECONDS } from './checkChain';
import { resolveSso } from './resolveSso';
import { credentialSourceStep, webIdentityFromProfile } from './resolveCiSources';
import type { Chain, StaticStep, Step } from './types';

export interface ResolveOptions {
  readonly env: Env;
  /** --region: exported, and used for every AWS call of the chain. */
  readonly region?: string;
  /** --duration: applies to the last step, the credentials that get exported. */
  readonly durationSeconds?: number;
  /** Where the profile name came from, so an unknown name can be traced to the AWS_PROFILE that set it. */
  readonly origin?: 'argument' | 'AWS_PROFILE' | 'default';
}

interface Context extends ResolveOptions {
  readonly config: AwsConfig;
}

export const DEFAULT_SESSION_SECONDS = 12 * 3600;

/**
 * Turns a profile name into the steps that produce its credentials. Pure: no I/O, no prompts. Every configuration
 * error surfaces here, before the user is asked for an MFA code or any AWS call is made.
 */
export function resolve(name: string, config: AwsConfig, options: ResolveOptions): Chain {
  const ctx: Context = { ...options, config };
  const profile = readProfile(name, ctx, []);
  const steps = withFinalDuration(resolveSteps(name, ctx, []), options.durationSeconds);
  checkChain(name, steps);
  return { profile: name, steps, region: options.region || profile.region };
}

function resolveSteps(name: string, ctx: Context, path: readonly string[]): Step[] {
  if (path.includes(name)) {
    throw configError(`profile "${path[0]}" has a source_profile cycle: ${[...path, name].join(' → ')}`, path[0], 'Point one of these profiles at a profile with credentials.');
  }
  const profile = readProfile(name, ctx, path);
  const visited = [...path, name];
  // As in the AWS CLI, a source profile with keys gives its keys, whatever else it holds: its own role_arn or
  // mfa_serial apply when it is the profile asked for, not when it only feeds another.
  if (path.length && hasStaticKeys(profile)) return [staticStep(name, profile)];
  // The AWS CLI's precedence: a role with a source, web identity, SSO, keys, then credential_process.
  if (profile.role_arn && (profile.source_profile || profile.credential_source)) return resolveRole(name, profile, ctx, visited);
  if (profile.role_arn && profile.web_identity_token_file) return [webIdentityFromProfile(name, profile, ctx.config, ctx.env, ctx.region)];
  if (profile.role_arn) {
    throw configError(`profile "${name}" has role_arn but no source_profile or credential_source`, name, 'Add source_profile = <profile with credentials> to it.');
  }
  if (usesSso(profile)) return [resolveSso(name, profile, ctx.config, ctx.env)];
  if (profile.aws_access_key_id || profile.aws_secret_access_key) return resolveStatic(name, profile, ctx);
  if (profile.credential_process) return [{ kind: 'process', profile: name, command: profile.credential_process }];
  const via = path.length ? ` (source of "${path[path.length - 1]}")` : '';
  throw configError(`profile "${name}"${via} has no credentials`, name, 'Give it aws_access_key_id and aws_secret_access_key, or role_arn with source_profile.');
}

function resolveStatic(name: string, profile: Profile, ctx: Context): Step[] {
  if (!hasStaticKeys(profile)) {
    const missing = profile.aws_access_key_id ? 'aws_secret_access_key' : 'aws_access_key_id';
    throw configError(`profile "${name}" has no ${missing}`, name, 'Both keys belong in the credentials file.');
  }
  const keys = staticStep(name, profile);
  if (!profile.mfa_serial || keys.sessionToken) return [keys];
  return [keys, { kind: 'sessionToken', profile: name, mfaSerial: profile.mfa_serial, durationSeconds: profile.duration_seconds ?? DEFAULT_SESSION_SECONDS, sts: stsTarget(profile, ctx.config, ctx.env, ctx.region) }];
}

function resolveRole(name: string, profile: Profile, ctx: Context, visited: readonly string[]): Step[] {
  if (profile.source_profile && profile.credential_source) {
    throw configError(`profile "${name}" has both source_profile and credential_source`, name, 'Keep one of them: they name two different sources for the role.');
  }
  const sourceName = profile.source_profile ?? name;
  // As in the AWS CLI, a role profile may name itself as its source to use the keys written beside the role.
  const selfSourced = sourceName === name && hasStaticKeys(profile);
  const steps: Step[] = profile.credential_source
    ? [credentialSourceStep(name, profile.credential_source, ctx.env)]
    : selfSourced
      ? [staticStep(name, profile)]
      : resolveSteps(sourceName, ctx, visited);
  const durationSeconds = (visited.length === 1 ? ctx.durationSeconds : undefined) ?? profile.duration_seconds;
  let mfaSerial = profile.mfa_serial;
  const last = steps[steps.length - 1];
  if (mfaSerial && steps.some((s) => 'mfaSerial' in s && s.mfaSerial === mfaSerial)) {
    // An earlier step already proved this MFA device; its session carries the MFA context on.
    mfaSerial = undefined;
  } else if (mfaSerial && last.kind === 'static' && !last.sessionToken && (durationSeconds ?? 0) <= ROLE_CHAINING_MAX_SECONDS) {
    // Long-term keys: get one MFA session for the source, so every role sharing it asks for no further code.
    // Not for a role asked to last over an hour: AWS caps roles assumed from a session at one hour, so such a
    // role gets the code on its own AssumeRole call instead.
    const ownKeys = selfSourced || Boolean(profile.credential_source);
    const source = ownKeys ? profile : readProfile(sourceName, ctx, visited);
    steps.push({ kind: 'sessionToken', profile: last.profile, mfaSerial, durationSeconds: (ownKeys ? undefined : source.duration_seconds) ?? DEFAULT_SESSION_SECONDS, sts: stsTarget(source, ctx.config, ctx.env, ctx.region) });
    mfaSerial = undefined;
  }
  steps.push({
    kind: 'assumeRole',
    profile: name,
    roleArn: profile.role_arn!,
    roleSessionName: profile.role_session_name,
    externalId: profile.external_id,
    sourceIdentity: profile.source_identity,
    mfaSerial,
    durationSeconds,
    sts: stsTarget(profile, ctx.config, ctx.env, ctx.region),
  });
  return steps;
}

function readProfile(name: string, ctx: Context, path: readonly string[]): Profile {
  const section = ctx.config.profiles[name];
  if (!section) throw unknownProfile(name, ctx, path);
  const parsed = parseProfile(section);
  if (!parsed.ok) throw configError(`profile "${name}": ${parsed.problem}`, name);
  return parsed.profile;
}

export function unknownProfile(name: string, ctx: Pick<Context, 'config' | 'env' | 'origin'>, path: readonly string[]): AwsenvError {
  const known = Object.keys(ctx.config.profiles).sort();
  const guess = closestName(name, known);
  const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … (${known.length} in all)` : known.join(', ');
  const files = sharedFilePaths(ctx.env);
  const none = `No profiles are configured in ${files.configFile} or ${files.credentialsFile}.`;
  const hint = [guess && `Did you mean "${guess}"?`, known.length ? `Known profiles: ${shown}.` : none]
    .filter(Boolean)
    .join(' ');
  if (path.length) {
    return configError(`profile "${path[path.length - 1]}" has source_profile "${name}", which does not exist`, path[0], hint);
  }
  const origin = ctx.origin === 'AWS_PROFILE' ? ' (named by AWS_PROFILE)' : ctx.origin === 'default' ? ' (no profile was given, so awsenv looked for "default")' : '';
  return configError(`profile "${name}"${origin} not found`, name, hint);
}

function staticStep(name: string, profile: Profile): StaticStep {
  return { kind: 'static', profile: name, accessKeyId: profile.aws_access_key_id!, secretAccessKey: profile.aws_secret_access_key!, sessionToken: profile.aws_session_token };
}

function withFinalDuration(steps: Step[], durationSeconds: number | undefined): Step[] {
  const last = steps[steps.length - 1];
  // Only STS steps take a lifetime: keys have none, and the other sources set their own.
  if (durationSeconds === undefined || (last.kind !== 'sessionToken' && last.kind !== 'assumeRole' && last.kind !== 'webIdentity')) return steps;
  return [...steps.slice(0, -1), { ...last, durationSeconds }];
}

