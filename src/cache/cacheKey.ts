import type { Step } from '../chain/types';
import { sha256Hex } from '../core/sha256';

/**
 * The cache key of a step's credentials: a hash of every input that shaped them, that is the step and all the steps
 * before it (keys, serial, role, external id, duration, endpoint...). Any change gives a new key, so stale
 * credentials can never stand in for others; the hash also keeps profile names out of file names.
 */
export function cacheKey(steps: readonly Step[], index: number): string {
  const material = JSON.stringify(steps.slice(0, index + 1).map(keyMaterial));
  return sha256Hex(material);
}

// STS credentials are valid in every region, and the region of a call follows AWS_REGION, which awsenv itself
// exports: keeping it in the key would make `awsuse admin` miss the MFA session it had just cached. The endpoint
// stays, since credentials from LocalStack and from AWS must never mix. Sorted, so key order does not matter: by
// code unit, which for the steps' keys (camelCase names that never differ only in case) is the order the first
// version's localeCompare gave, so existing entries keep their keys, without starting ICU's collation on every run.
//
// A process step's material is its command, not what it printed: the key must be known before anything runs, or a
// cached export would start the command (and child_process) every time. That is also what is right for the MFA
// session keyed on it: the session belongs to the identity and the serial, and a serial names one device of one IAM
// user, so keys the command rotates keep finding their session, while another command or serial is another key.
//
// mfa_process is how a code is got, not what shaped the credentials: left out, so roles that share an MFA session share
// it whether or not each names the command, and entries made before the setting existed keep their keys.
function keyMaterial(step: Step) {
  const { mfaProcess: _howTheCodeIsGot, ...rest } = step as Step & { mfaProcess?: string };
  const material = 'sts' in rest ? { ...rest, sts: { endpoint: rest.sts.endpoint } } : rest;
  return Object.entries(material).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
