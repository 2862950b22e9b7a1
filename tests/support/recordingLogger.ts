import type { Logger } from '../../src/core/logger';

/** A Logger that keeps what it was told, so a test can check the reason a decision was logged with. */
export function recordingLogger(): Logger & { readonly debugs: string[]; readonly warnings: string[] } {
  const debugs: string[] = [];
  const warnings: string[] = [];
  return { debugs, warnings, debug: (message) => debugs.push(message), warn: (message) => warnings.push(message) };
}
