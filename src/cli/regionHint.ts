import type { AwsConfig } from '../config/mergeSharedFiles';
import type { Chain } from '../chain/types';
import { environmentRegion, type Env } from '../core/env';
import type { Logger } from '../core/logger';
import type { Plan } from '../render/plan';
import { printable } from '../core/printable';

/**
 * Where a tool run after an export can find a region. The export unsets AWS_PROFILE and AWS_DEFAULT_PROFILE, so the
 * AWS CLI and the SDKs look, in order, at the region the export set, at AWS_REGION / AWS_DEFAULT_REGION, and at the
 * `[default]` profile of the files (botocore merges the credentials file's keys into it, as awsenv does).
 */
export interface RegionSources {
  /** The profile asked for, when it is one of the files' (a `--role-arn` chain has none to edit). */
  readonly profile?: string;
  /** What the export sets: --region, else the profile's own region. */
  readonly exported?: string;
  /** The user's own AWS_REGION or AWS_DEFAULT_REGION, in the environment after the export. */
  readonly environment?: string;
  /** The `[default]` profile's region; asked for only when the others give none. */
  readonly defaultProfile: () => string | undefined;
}

/**
 * Whether the AWS CLI will fail after this export with "You must specify a region", and if so the one line that says
 * what to do; `reason` says which source gives the region, for --debug.
 */
export function regionHint(sources: RegionSources): { reason: string; hint?: string } {
  if (sources.exported) return { reason: `the export sets region ${sources.exported}` };
  if (sources.environment) return { reason: `the export sets no region; tools keep ${sources.environment} from AWS_REGION or AWS_DEFAULT_REGION` };
  const fallback = sources.defaultProfile();
  if (fallback) return { reason: `the export sets no region; tools read ${fallback} from the [default] profile` };
  const hint = sources.profile
    ? `profile "${printable(sources.profile)}" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION`
    : 'no region: neither --region, AWS_REGION nor [default] gives one: pass --region REGION';
  return { reason: 'no region from the export, AWS_REGION, AWS_DEFAULT_REGION or the [default] profile', hint: `awsenv: hint: ${hint}` };
}

/**
 * The region hint an export is due, from what it obtained and the environment it runs in; the decision logged under
 * --debug. The environment's region is the one the plan leaves there: a switch clears a region awsenv set before
 * (and gives the user's back), so only the user's own stays.
 */
export function regionHintOf({ plan, chain, config }: { plan: Plan; chain: Chain; config: AwsConfig }, env: Env, log: Logger): string | undefined {
  const { reason, hint } = regionHint({
    profile: chain.profile in config.profiles ? chain.profile : undefined,
    exported: chain.region,
    environment: regionAfter(plan, env),
    defaultProfile: () => defaultRegion(config, log),
  });
  log.debug(`region: ${reason}`);
  return hint;
}

/** The region a tool finds in the environment once the plan is applied: the plan's region variables win over env's. */
export function regionAfter(plan: Plan, env: Env): string | undefined {
  const after: Record<string, string | undefined> = { AWS_REGION: env.AWS_REGION, AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION };
  for (const [name, value] of plan) if (name in after) after[name] = value ?? undefined;
  return environmentRegion(after);
}

/** An unreadable `[default]` is no reason to fail an export that does not use it: it gives no region, and says why. */
function defaultRegion(config: AwsConfig, log: Logger): string | undefined {
  try {
    return config.profiles.default?.region?.trim() || undefined;
  } catch (error) {
    log.debug(`region: the [default] profile cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}
