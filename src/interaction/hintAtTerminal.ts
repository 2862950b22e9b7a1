import fs from 'node:fs';
import { writeStderr } from '../core/writeAllSync';

/**
 * Writes a hint for a person at a terminal, and only there: scripts and CI, whose stderr is a log nobody can act on,
 * never see one. A stderr that is no character device is no terminal, which settles most runs without loading
 * node:tty, which a warm export must not pay for. The hint is made only once a terminal is there to read it.
 */
export async function hintAtTerminal(hint: () => string | undefined): Promise<void> {
  try {
    if (!fs.fstatSync(2).isCharacterDevice()) return;
  } catch {
    return;
  }
  const { isatty } = await import('node:tty');
  if (!isatty(2)) return;
  const line = hint();
  if (line) writeStderr(`${line}\n`);
}
