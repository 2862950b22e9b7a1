import fs from 'node:fs';
import { writeStderr } from '../core/writeAllSync';

/**
 * Tells a person at a terminal that the profile gave long-term keys and how to get an MFA session instead. Not for
 * scripts and CI, whose stderr is a log nobody can act on. A stderr that is no character device is no terminal, which
 * settles most runs without loading node:tty, which a warm export must not pay for.
 */
export async function hintLongTermKeys(profile: string): Promise<void> {
  try {
    if (!fs.fstatSync(2).isCharacterDevice()) return;
  } catch {
    return;
  }
  const { isatty } = await import('node:tty');
  if (!isatty(2)) return;
  writeStderr(`awsenv: hint: profile "${profile}" gave long-term keys; for an MFA session instead, add mfa_serial = ARN to it, or run: awsenv mfa setup ${profile}\n`);
}
