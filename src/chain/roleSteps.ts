import type { AwsConfig } from '../config/mergeSharedFiles';
import type { Profile } from '../config/profile';
import { stsTarget } from '../config/endpoints';
import { givesLongTermKeys } from './longTermKeys';
import { sessionTagsOf } from './sessionTags';
import { DEFAULT_SESSION_SECONDS, ROLE_CHAINING_MAX_SECONDS } from './limits';
import type { ResolveOptions, Step } from './types';
import type { Link } from './walkSourceProfiles';

interface RoleContext {
  /** The source profile whose steps come before; undefined when the role's source is its own (credential_source, its own keys). */
  readonly source?: Profile;
  /** Whether this role is the profile asked for, which --duration applies to. */
  readonly requested: boolean;
  readonly config: AwsConfig;
  readonly options: ResolveOptions;
  /** Where resolve() writes down why the MFA code went where it did. */
  readonly decisions: string[];
}

/** The steps below, then AssumeRole for the role link, with the MFA code placed where it costs the fewest prompts. */
export function roleSteps(below: readonly Step[], link: Link, ctx: RoleContext): Step[] {
  const { name, profile } = link;
  const steps = [...below];
  const durationSeconds = (ctx.requested ? ctx.options.durationSeconds : undefined) ?? profile.duration_seconds;
  const mfaSerial = profile.mfa_serial && placeMfa(steps, link, durationSeconds, ctx);
  steps.push({
    kind: 'assumeRole',
    profile: name,
    roleArn: profile.role_arn!,
    roleSessionName: profile.role_session_name,
    externalId: profile.external_id,
    sourceIdentity: profile.source_identity,
    mfaSerial,
    ...(mfaSerial && mfaProcessOf(profile, ctx.source)),
    durationSeconds,
    ...sessionTagsOf(name, profile),
    sts: stsTarget(profile, ctx.config, ctx.options.env, ctx.options.region),
  });
  return steps;
}

/**
 * Decides where the role's MFA code goes, adding an MFA session to the steps when that is the place; returns the
 * serial when the code must go on the role's own AssumeRole call instead.
 */
function placeMfa(steps: Step[], { name, profile }: Link, durationSeconds: number | undefined, ctx: RoleContext): string | undefined {
  const serial = profile.mfa_serial!;
  const last = steps[steps.length - 1];
  if (steps.some((s) => 'mfaSerial' in s && s.mfaSerial === serial)) {
    ctx.decisions.push(`MFA: no code on the AssumeRole of "${name}": an earlier step already proved ${serial}, and its session carries the MFA context on`);
    return undefined;
  }
  const longTerm = givesLongTermKeys(last);
  if (longTerm && (durationSeconds ?? 0) <= ROLE_CHAINING_MAX_SECONDS) {
    const owner = ctx.source ?? profile;
    steps.push({ kind: 'sessionToken', profile: last.profile, mfaSerial: serial, ...mfaProcessOf(profile, ctx.source), durationSeconds: ctx.source?.duration_seconds ?? DEFAULT_SESSION_SECONDS, sts: stsTarget(owner, ctx.config, ctx.options.env, ctx.options.region) });
    ctx.decisions.push(`MFA: the code for ${serial} goes to GetSessionToken for the keys of "${last.profile}", so every role on those keys and that device shares one MFA session`);
    return undefined;
  }
  const why = !longTerm
    ? 'its source credentials are temporary already, so there are no long-term keys to start an MFA session from'
    : `it asks to last ${durationSeconds} s, and AWS caps a role assumed from an MFA session at ${ROLE_CHAINING_MAX_SECONDS} s`;
  ctx.decisions.push(`MFA: the code for ${serial} goes on the AssumeRole of "${name}" itself: ${why}`);
  return serial;
}

/**
 * The mfa_process that gives the role's code: its own, else its source profile's, as aws-vault reads it, when the
 * source names no other device (the command belongs with a device). Absent otherwise, so that steps keep their shape.
 */
function mfaProcessOf(profile: Profile, source: Profile | undefined): { mfaProcess?: string } {
  const inherited = source && (!source.mfa_serial || source.mfa_serial === profile.mfa_serial) ? source.mfa_process : undefined;
  const command = profile.mfa_process ?? inherited;
  return command ? { mfaProcess: command } : {};
}
