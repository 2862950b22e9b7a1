import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { cacheDirOf, cacheFiles, makeHome, runCli } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

/**
 * The credential cache's directory and files as a run finds them (issue 13): a FIFO where an entry belongs must not
 * hang the run, and a run that only reads leaves the directory private all the same.
 */

let sts: FakeSts;
const homes: string[] = [];
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(async () => {
  await sts.close();
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

/** A home whose cache holds partner's role credentials (a role without MFA: no code to type on later runs). */
async function warmHome() {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  homes.push(home);
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  const first = await runCli(['partner'], { env: world });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  const [entry] = cacheFiles(home);
  return { home, world, entry, calls: sts.calls.length };
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the credential cache as a run finds it', () => {
  test('a world-writable cache directory is made private by a run that only reads it', async () => {
    const { home, world, calls } = await warmHome();
    fs.chmodSync(cacheDirOf(home), 0o777);
    const warm = await runCli(['partner', '--debug'], { env: world });
    expect(warm.code).toBe(0);
    // Only read: the cached credentials served, and no call was made.
    expect(sts.calls.length).toBe(calls);
    expect(modeOf(cacheDirOf(home))).toBe(0o700);
    expect(warm.stderr).toContain(`awsenv: made ${cacheDirOf(home)} private (0700): its mode was 777`);
  });

  test('a FIFO where the entry belongs: no hang, a --debug line, new credentials, and a regular file in its place', async () => {
    const { world, entry, calls } = await warmHome();
    fs.rmSync(entry);
    execFileSync('mkfifo', ['-m', '600', entry]);
    const result = await runCli(['partner', '--debug'], { env: world, timeoutMs: 10000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`awsenv: not using cache file ${entry}: it is a FIFO, not a regular file`);
    expect(sts.calls.slice(calls).map((call) => call.action)).toEqual(['AssumeRole']);
    expect(fs.statSync(entry).isFile()).toBe(true);
  });

  // Regression (issue 13): a run killed between the temporary file and the rename left live credentials there for good.
  test('the temporary file of a killed write goes with the next write into the directory', async () => {
    const { home, world } = await warmHome();
    // As a SIGKILLed awsenv leaves it: named for its entry and its pid, which no process has any more.
    const leftover = path.join(cacheDirOf(home), `.${path.basename(cacheFiles(home)[0])}.${2 ** 30}.0123abcd.tmp`);
    fs.writeFileSync(leftover, '{"credentials":"live"}', { mode: 0o600 });
    const refreshed = await runCli(['partner', '--refresh'], { env: world });
    expect(refreshed.code).toBe(0);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.readdirSync(cacheDirOf(home))).toEqual([path.basename(cacheFiles(home)[0])]);
  });
});
