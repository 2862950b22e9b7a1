import fs from 'node:fs';
import path from 'node:path';
import { commandPeer, type Peer } from './peers';

/** Debian's chromium, the real browser of the browser sign-in test; .ci/run installs it where it can. */
export const chromiumPeer = (): Peer => commandPeer('chromium');

// Headless, and reaching nothing but loopback: no name resolves but 127.0.0.1, and none of the browser's own traffic
// (updates, safe browsing, metrics) is started.
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'",
];

const started: string[] = [];

/**
 * A $BROWSER script in `dir` that opens its URL in headless Chromium with a profile of its own, for at most a minute;
 * its process group is ended by killChromiums.
 */
export function chromiumBrowser(chromium: string, dir: string): string {
  const script = path.join(dir, 'chromium-browser.sh');
  const pidFile = path.join(dir, 'chromium.pid');
  fs.writeFileSync(
    script,
    `#!/bin/sh\necho $$ > '${pidFile}'\nexec timeout 60 '${chromium}' ${FLAGS.join(' ')} --user-data-dir='${path.join(dir, 'chromium-profile')}' "$1" > '${path.join(dir, 'chromium.log')}' 2>&1\n`,
    { mode: 0o755 },
  );
  started.push(pidFile);
  return script;
}

/** For afterEach: every Chromium a test started is ended with its children. */
export function killChromiums(): void {
  for (const pidFile of started.splice(0)) {
    try {
      // awsenv starts $BROWSER in a process group of its own, whose leader the script's exec keeps.
      process.kill(-Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } catch {
      // Never started, or already gone.
    }
  }
}
