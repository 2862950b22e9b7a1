/**
 * The two checks awsenv's own small JSON files need (cache entries, lock owners), by hand: those are read on every
 * cached export, where zod's module set-up alone would cost more than all the reading. Files other programs write,
 * and AWS's answers, are checked with zod schemas, away from that path.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string with something in it. */
export const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
