import fs from 'node:fs';

/** The controlling terminal, opened twice so that each stream closes its own descriptor; undefined without one. */
export function openTerminal(): { read: number; write: number } | undefined {
  try {
    return { read: fs.openSync('/dev/tty', 'r'), write: fs.openSync('/dev/tty', 'w') };
  } catch {
    return undefined;
  }
}

/** Whether a person could answer a prompt or approve a sign-in here. */
export function terminalAvailable(): boolean {
  const terminal = openTerminal();
  if (!terminal) return false;
  fs.closeSync(terminal.read);
  fs.closeSync(terminal.write);
  return true;
}
