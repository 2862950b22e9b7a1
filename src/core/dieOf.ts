
/**
 * Ends the process by `signal`, as the signal's default action would have, so the parent sees a death by it: an
 * interactive bash stops a `;` list after a SIGINT, `set -o pipefail` reports 141 after a SIGPIPE. Listeners are
 * removed first; Node ignores SIGPIPE for itself, and one listener added and removed puts the default action back
 * (libuv restores it when a signal's last listener goes). Returns the status a shell reports for such a death,
 * 128 + the signal's number, for the case the signal does not end the process.
 */
export function dieOf(signal: NodeJS.Signals): number {
  process.removeAllListeners(signal);
  const restoreDefault = () => undefined;
  process.on(signal, restoreDefault);
  process.off(signal, restoreDefault);
  process.kill(process.pid, signal);
  return 128 + ((require('node:os') as typeof import('node:os')).constants.signals[signal] ?? 0);
}
