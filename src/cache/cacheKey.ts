import crypto from 'node:crypto';
import type { Step } from '../chain/types';

/**
 * The cache key of a step's credentials: a hash of every input that shaped them, that is the step and all the steps
 * before it (keys, serial, role, external id, duration, endpoint...). Any change gives a new key, so stale
 * credentials can never stand in for others; the hash also keeps profile names out of file names.
 */
export function cacheKey(steps: readonly Step[], index: number): string {
  const material = JSON.stringify(steps.slice(0, index + 1).map(sortedEntries));
  return crypto.createHash('sha256').update(material).digest('hex');
}

// Object key order must not change the key.
const sortedEntries = (step: Step) => Object.entries(step).sort(([a], [b]) => a.localeCompare(b));
