import { narrowPrivateDir } from '../core/atomicWrite';
import type { Logger } from '../core/logger';

/**
 * For a cache that is only read in a run: narrows its directory to the user (0700) on first use, as a write would,
 * so a run that reads does not leave the directory as open as it found it. Once per cache: it costs a stat.
 */
export function privateDirOnFirstUse(dir: string, log: Logger): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try {
      const was = narrowPrivateDir(dir);
      if (was !== undefined) log.debug(`made ${dir} private (0700): its mode was ${was.toString(8)}`);
    } catch (error) {
      log.debug(`could not make ${dir} private: ${(error as Error).message}`);
    }
  };
}
