import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the browser saw at the end: the page the redirect's target answered. */
export interface BrowserVisit {
  /** The URL the browser was opened at. */
  readonly url: string;
  /** The authorize page's status; a redirect (302) when the fake approved at once. */
  readonly authorizeStatus: number;
  /** Where the fake sent the browser back to, with its query; undefined when it never did. */
  readonly redirectedTo?: string;
  readonly status?: number;
  readonly body?: string;
}

/** What the person does with the page: press a button, or leave it open for the test to answer (answerInBrowser). */
export type Decision = 'approve' | 'deny' | 'later';

/**
 * A person at a browser, without a browser: opens the authorize URL, presses Approve or Deny on the fake's page (or
 * takes the redirect an autoApprove fake gives at once), and follows the redirect back to whoever listens there.
 */
export async function answerInBrowser(url: string, decision: Decision): Promise<BrowserVisit> {
  if (decision === 'later') return { url, authorizeStatus: 0 };
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  let location = page.headers.get('location') ?? undefined;
  if (page.status === 200) {
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    if (!request) return { url, authorizeStatus: page.status };
    const decided = await fetch(new URL('/authorize/decision', url), { method: 'POST', body: new URLSearchParams({ request, decision }), redirect: 'manual' });
    location = decided.headers.get('location') ?? undefined;
  }
  if (!location) return { url, authorizeStatus: page.status };
  const back = await fetch(location, { redirect: 'manual' });
  return { url, authorizeStatus: page.status, redirectedTo: location, status: back.status, body: await back.text() };
}

/**
 * What `browserCommand`'s runs wrote to `file`, one visit a line, once there are `count` of them: the tab finishes
 * reading its last page around the time awsenv ends. Rejects after 10 s with what there is.
 */
export async function visitsOf(file: string, count = 1): Promise<BrowserVisit[]> {
  const read = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as BrowserVisit) : []);
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (read().length >= count) return read();
  }
  throw new Error(`the browser made ${read().length} visits, not ${count}`);
}

/**
 * A $BROWSER command (node and this file) that answers every URL it is given with `decision` and records the visit
 * in `log`: awsenv (or the AWS CLI) opens its browser, and the person approves.
 */
export const browserCommand = (decision: Decision, log: string) => `${process.execPath} ${__filename} ${decision} ${log}`;

// Python's webbrowser (the AWS CLI's) waits for a $BROWSER command to end before it listens for the redirect, so the
// command answers at once and the person goes on in the background, as a real browser's tab does.
if (require.main === module) {
  const [decision, log, url] = process.argv.slice(2);
  if (process.env.AWSENV_TEST_BROWSER_TAB !== '1') {
    spawn(process.execPath, process.argv.slice(1), { detached: true, stdio: 'ignore', env: { ...process.env, AWSENV_TEST_BROWSER_TAB: '1' } }).unref();
  } else {
    void answerInBrowser(url, decision as Decision).then(
      (visit) => fs.appendFileSync(log, `${JSON.stringify(visit)}\n`),
      (error: Error) => fs.appendFileSync(log, `${JSON.stringify({ url, authorizeStatus: 0, body: error.message })}\n`),
    );
  }
}

export const browserLogIn = (home: string) => path.join(home, 'browser.jsonl');
