import type { Env } from '../core/env';

/**
 * The one variable in which an export to a person's shell records what awsenv did there, so that the next switch and
 * the clear can tell awsenv's settings from the user's, and the shell's prompt hook can see the expiry without
 * starting a process. Its value is a query string: printable ASCII, and a shell reads `expires=N` with its own regex.
 */
export const STATE_VARIABLE = 'AWSENV_STATE';

/** The variables whose values awsenv replaces or clears, and gives back to the user on a clear. */
export const REGION_NAMES = ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const;
export const PROFILE_NAMES = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE'] as const;
export const KEPT_NAMES = [...REGION_NAMES, ...PROFILE_NAMES] as const;
export type KeptName = (typeof KEPT_NAMES)[number];

export interface AwsenvState {
  /** The values of the kept names before awsenv's first export in this shell; a missing name was not set. */
  readonly had: Partial<Record<KeptName, string>>;
  /** The region awsenv exported, if it exported one. */
  readonly region?: string;
  /** The credentials' expiry in seconds since the epoch, for the prompt hooks; none for long-term keys. */
  readonly expires?: number;
  /** awsuse --auto-refresh: the prompt hook re-exports before expiry when no person is needed. */
  readonly autoRefresh?: boolean;
}

export function encodeState(state: AwsenvState): string {
  const query = new URLSearchParams();
  if (state.expires !== undefined) query.set('expires', String(state.expires));
  if (state.autoRefresh) query.set('auto', '1');
  if (state.region !== undefined) query.set('region', state.region);
  for (const name of KEPT_NAMES) {
    const value = state.had[name];
    if (value !== undefined) query.set(`had.${name}`, value);
  }
  // A value of its own even when nothing is recorded, so that the variable's presence marks a shell awsenv exported to.
  return query.toString() || 'v=1';
}

/** The state in the environment; undefined when there is none (a shell awsenv never exported to, or an older awsenv). */
export function readState(env: Env): AwsenvState | undefined {
  const text = env[STATE_VARIABLE];
  if (!text) return undefined;
  const query = new URLSearchParams(text);
  const had: Partial<Record<KeptName, string>> = {};
  for (const name of KEPT_NAMES) {
    const value = query.get(`had.${name}`);
    if (value !== null) had[name] = value;
  }
  const expires = Number(query.get('expires') ?? NaN);
  return {
    had,
    region: query.get('region') ?? undefined,
    expires: Number.isSafeInteger(expires) ? expires : undefined,
    autoRefresh: query.get('auto') === '1',
  };
}
