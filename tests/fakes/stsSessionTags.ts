import { StsError, validationError } from './stsError';
import type { Params } from './stsParams';
import type { Identity } from './stsTypes';

/** What a role session carries of AssumeRole's session tags. */
export interface SessionTags {
  /** Key → value; the keys as the caller wrote them. */
  sessionTags?: Record<string, string>;
  transitiveTagKeys?: string[];
}

const MAX_TAGS = 50;

/**
 * The Query protocol's Tags.member.N.Key / .Value and TransitiveTagKeys.member.N, checked as STS checks them, merged
 * with the transitive tags of a role session the caller chains from (which the call may not set again).
 */
export function sessionTagsParam(params: Params, caller: Identity): SessionTags {
  const requested = members(params, 'Tags', (n) => {
    const key = params[`Tags.member.${n}.Key`];
    if (key === undefined || !key.length || key.length > 128) throw validationError(`1 validation error detected: Value at 'tags.${n}.member.key' failed to satisfy constraint: Member must have length between 1 and 128`);
    return [key, params[`Tags.member.${n}.Value`] ?? ''] as const;
  });
  if (requested.length > MAX_TAGS) throw validationError(`1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TAGS}`);
  const lower = requested.map(([key]) => key.toLowerCase());
  if (new Set(lower).size < lower.length) throw new StsError('InvalidParameterValue', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  const transitive = members(params, 'TransitiveTagKeys', (n) => params[`TransitiveTagKeys.member.${n}`]);
  for (const key of transitive) {
    if (!lower.includes(key.toLowerCase())) throw new StsError('InvalidParameterValue', 400, `The transitive tag key ${key} is not among the session tags.`);
  }
  const inherited = Object.entries(caller.sessionTags ?? {}).filter(([key]) => caller.transitiveTagKeys?.includes(key));
  for (const [key] of inherited) {
    if (lower.includes(key.toLowerCase())) throw new StsError('InvalidParameterValue', 400, `Cannot set the transitive tag ${key} of the calling session again.`);
  }
  const tags = [...inherited, ...requested];
  const keys = [...inherited.map(([key]) => key), ...transitive];
  return { ...(tags.length && { sessionTags: Object.fromEntries(tags) }), ...(keys.length && { transitiveTagKeys: keys }) };
}

/** The members 1, 2, … of a Query-protocol list, up to the first missing one. */
function members<T>(params: Params, list: string, read: (n: number) => T): T[] {
  const found: T[] = [];
  for (let n = 1; Object.keys(params).some((name) => name.startsWith(`${list}.member.${n}`)); n++) found.push(read(n));
  return found;
}
