import type { Logger } from '../../src/core/logger';

/** A Logger that keeps what it was told, so a test can check the reason a decision was logged with. */
export function recordingLogger(): Logger & { readonly debugs: string[]; readonly warnings: string[]; readonly notices: string[] } {
  const debugs: string[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  return { debugs, warnings, notices, debug: (message) => debugs.push(message), warn: (message) => warnings.push(message), notice: (message) => notices.push(message) };
}
