import crypto from 'node:crypto';
import type { Step } from '../chain/types';

/**
 * The cache key of a step's credentials: a hash of every input that shaped them, that is the step and all the steps
 * before it (keys, serial, role, external id, duration, endpoint...). Any change gives a new key, so stale
 * credentials can never stand in for others; the hash also keeps profile names out of file names.
 */
export function cacheKey(steps: readonly Step[], index: number): string {
  const material = JSON.stringify(steps.slice(0, index + 1).map(keyMaterial));
  return crypto.createHash('sha256').update(material).digest('hex');
}

// STS credentials are valid in every region, and the region of a call follows AWS_REGION, which awsenv itself
// exports: keeping it in the key would make `awsuse admin` miss the MFA session it had just cached. The endpoint
// stays, since credentials from LocalStack and from AWS must never mix. Sorted, so key order does not matter.
function keyMaterial(step: Step) {
  const material = 'sts' in step ? { ...step, sts: { endpoint: step.sts.endpoint } } : step;
  return Object.entries(material).sort(([a], [b]) => a.localeCompare(b));
}
