import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireLock, type LockOptions } from '../../src/cache/lock';
import { AwsenvError } from '../../src/core/errors';
import { recordingLogger } from '../support/recordingLogger';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lockFile = () => path.join(dir, `step-${n++}.lock`);

function options(overrides: Partial<LockOptions> = {}) {
  const log = recordingLogger();
  return { log, options: { what: 'the MFA session of alice', waitMs: 5000, log, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), ...overrides } };
}

/** A pid that surely belongs to no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const holder = (pid: number, since = new Date()) => JSON.stringify({ pid, what: 'the role of admin', since: since.toISOString(), nonce: 'theirs' });

describe(acquireLock.name, () => {
  test('a free lock is taken at once, names its holder, and is gone once released', async () => {
    const file = lockFile();
    const release = await acquireLock(file, options().options);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, what: 'the MFA session of alice' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    release();
    expect(fs.existsSync(file)).toBe(false);
    release();
  });

  test('a second taker waits for the first to release, and says once whom it waits for', async () => {
    const file = lockFile();
    const first = await acquireLock(file, options().options);
    const { log, options: second } = options({ what: 'the role of admin' });
    const order: string[] = [];
    const waiting = acquireLock(file, second).then((release) => {
      order.push('second has it');
      release();
    });
    // Past the second after which a waiter says what it waits for.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    order.push('first releases');
    first();
    await waiting;
    expect(order).toEqual(['first releases', 'second has it']);
    expect(log.notices).toEqual([`waiting for another awsenv (pid ${process.pid}) to finish the MFA session of alice`]);
  });

  test('a short wait goes unsaid', async () => {
    const file = lockFile();
    const first = await acquireLock(file, options().options);
    const { log, options: second } = options();
    const waiting = acquireLock(file, second);
    await new Promise((resolve) => setTimeout(resolve, 200));
    first();
    (await waiting)();
    expect(log.notices).toEqual([]);
  });

  test('a lock whose holder is dead is taken over without waiting', async () => {
    const file = lockFile();
    fs.writeFileSync(file, holder(deadPid()));
    const { log, options: taking } = options();
    const release = await acquireLock(file, taking);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    expect(log.notices).toEqual([]);
    release();
  });

  test('a lock older than any unit of work is taken over even if its pid lives (pids are reused)', async () => {
    const file = lockFile();
    fs.writeFileSync(file, holder(process.ppid, new Date(Date.now() - 16 * 60 * 1000)));
    const release = await acquireLock(file, options().options);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    release();
  });

  test.each([
    ['half written', '{"pid": 12'],
    ['with a pid that is not a number', JSON.stringify({ pid: '12', what: 'x', since: new Date().toISOString(), nonce: 'n' })],
    ['with a pid of 0', JSON.stringify({ pid: 0, what: 'x', since: new Date().toISOString(), nonce: 'n' })],
    ['without a nonce', JSON.stringify({ pid: 12, what: 'x', since: new Date().toISOString() })],
  ])('a lock file %s is taken over once it is a second old, not before', async (_name, text) => {
    const file = lockFile();
    fs.writeFileSync(file, text);
    const young = acquireLock(file, options({ waitMs: 300 }).options);
    await expect(young).rejects.toThrow(AwsenvError);
    const old = new Date(Date.now() - 5000);
    fs.utimesSync(file, old, old);
    const release = await acquireLock(file, options().options);
    release();
  });

  test('a waiter gives up after its bound with an error that names the holder and what it does', async () => {
    const file = lockFile();
    fs.writeFileSync(file, holder(process.ppid));
    const error = await acquireLock(file, options({ waitMs: 200 }).options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsenvError);
    expect((error as AwsenvError).message).toBe(`gave up after 0 s waiting for another awsenv (pid ${process.ppid}) to finish the role of admin`);
    expect((error as AwsenvError).hint).toContain(`stop process ${process.ppid}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(holder(process.ppid, new Date(JSON.parse(fs.readFileSync(file, 'utf8')).since)));
  });

  test('releasing never removes a lock another process has taken over in the meantime', async () => {
    const file = lockFile();
    const release = await acquireLock(file, options().options);
    fs.writeFileSync(file, holder(process.ppid));
    release();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).nonce).toBe('theirs');
  });

  test('a holder that exits without releasing leaves no lock behind', () => {
    const file = lockFile();
    const script = `require(${JSON.stringify(path.resolve(__dirname, '../../src/cache/lock.js'))}).acquireLock(${JSON.stringify(file)}, { what: 'x', waitMs: 1000, log: { debug() {}, warn() {}, notice() {} }, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }).then(() => process.exit(0));`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });
});
