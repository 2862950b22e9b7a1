import type { Env } from '../core/env';
import type { Logger } from '../core/logger';

/** Opens the URL in the person's browser if there is one to open; failing to is never an error, the URL is shown. */
export async function openBrowser(url: string, env: Env, log: Logger): Promise<void> {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    log.debug('no display: not opening a browser');
    return;
  }
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.on('error', (error) => log.debug(`could not open a browser: ${error.message}`));
  } catch (error) {
    log.debug(`could not open a browser: ${(error as Error).message}`);
  }
}
