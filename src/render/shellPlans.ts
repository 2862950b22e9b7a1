import type { Credentials } from '../core/credentials';
import type { Env } from '../core/env';
import { encodeState, KEPT_NAMES, PROFILE_NAMES, readState, REGION_NAMES, STATE_VARIABLE, type AwsenvState, type KeptName } from './awsenvState';
import { EXPORTED_NAMES, exportPlan, unsetPlan, type Plan } from './plan';

/**
 * The export for a person's shell, which also switches from what awsenv exported there before: a region awsenv set
 * goes when the new profile has none (the user's own comes back), one the user set stays, and the state variable
 * records what the shell had before awsenv's first export, for the clear.
 */
export function shellExportPlan(credentials: Credentials, profile: string, region: string | undefined, env: Env, options: { autoRefresh?: boolean } = {}): Plan {
  const before = readState(env);
  const had = before?.had ?? valuesOf(env, KEPT_NAMES);
  const regionBack: Plan = region === undefined ? giveBack(REGION_NAMES, env, before, had) : [];
  const state: AwsenvState = {
    had,
    region,
    expires: credentials.expiration && Math.floor(credentials.expiration.getTime() / 1000),
    autoRefresh: options.autoRefresh,
  };
  return [...exportPlan(credentials, profile, region), ...regionBack, [STATE_VARIABLE, encodeState(state)]];
}

// What every clear unsets: the exported names that are not the user's to get back.
const CLEAR_CREDENTIALS: Plan = EXPORTED_NAMES.filter((name) => !(KEPT_NAMES as readonly string[]).includes(name)).map((name) => [name, null] as const);

/**
 * The clear for a person's shell: the credentials go, and the region and profile variables are what the user had
 * before awsenv's first export, unless the user set them since. Without a state variable awsenv cannot tell whose
 * a region is: after an export of an older awsenv (AWSENV_PROFILE set) everything an export sets is cleared as before,
 * and where awsenv never exported only the credentials are.
 */
export function shellClearPlan(env: Env): Plan {
  const before = readState(env);
  if (!before) return env.AWSENV_PROFILE ? unsetPlan() : CLEAR_CREDENTIALS;
  const profiles = PROFILE_NAMES.filter((name) => !env[name] && before.had[name] !== undefined).map((name) => [name, before.had[name]!] as const);
  return [...CLEAR_CREDENTIALS, ...giveBack(REGION_NAMES, env, before, before.had), ...profiles, [STATE_VARIABLE, null]];
}

// A region variable that still holds what awsenv exported is awsenv's, and goes back to the user's value; any other
// value the user set (before awsenv, or since) and stays.
function giveBack(names: readonly KeptName[], env: Env, before: AwsenvState | undefined, had: AwsenvState['had']): Plan {
  if (before?.region === undefined) return [];
  return names.filter((name) => env[name] === before.region).map((name) => [name, had[name] ?? null] as const);
}

const valuesOf = (env: Env, names: readonly KeptName[]) =>
  Object.fromEntries(names.filter((name) => env[name]).map((name) => [name, env[name]!])) as AwsenvState['had'];
