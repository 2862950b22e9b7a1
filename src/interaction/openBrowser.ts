import { spawn } from 'node:child_process';
import { noDisplay, type Env } from '../core/env';
import type { Logger } from '../core/logger';
import { shellSplit } from '../core/shellSplit';

/** Opens the URL in the person's browser if there is one to open; failing to is never an error, the URL is shown. */
export async function openBrowser(url: string, env: Env, log: Logger): Promise<void> {
  if (env.BROWSER) return openWithBrowserVariable(env.BROWSER, url, log);
  if (noDisplay(env)) {
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

/**
 * $BROWSER as the AWS CLI reads it (Python's webbrowser): commands separated by ":", the URL in place of "%s" or
 * after the words. The first one that starts is used; a display is not required, since it may be a text browser.
 */
async function openWithBrowserVariable(variable: string, url: string, log: Logger): Promise<void> {
  for (const command of variable.split(':').filter((c) => c.trim())) {
    let words: string[];
    try {
      words = shellSplit(command);
    } catch {
      log.debug('$BROWSER holds a command that cannot be split into words: skipping it');
      continue;
    }
    const args = words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url];
    const started = await new Promise<boolean>((resolve) => {
      const child = spawn(args[0], args.slice(1), { stdio: 'ignore', detached: true });
      child.once('error', (error) => {
        log.debug(`could not start $BROWSER's ${args[0]}: ${error.message}`);
        resolve(false);
      });
      child.once('spawn', () => resolve(true));
      child.unref();
    });
    if (started) return;
  }
}
