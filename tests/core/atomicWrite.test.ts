import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir, narrowPrivateDir, removeStaleTemps, writeFileAtomic } from '../../src/core/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-atomic-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
// Far above any pid_max: no process has it.
const GONE_PID = 2 ** 30;
const MINUTE = 60_000;

/** A temporary file as a killed write leaves it, `ageMs` old. */
function leftover(pid: number, ageMs = 0, name = 'k.json'): string {
  const temp = path.join(dir, `.${name}.${pid}.0123abcd.tmp`);
  fs.writeFileSync(temp, '{"credentials":"live"}', { mode: 0o600 });
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(temp, when, when);
  return path.basename(temp);
}

describe(writeFileAtomic.name, () => {
  test('writes the whole content into a 0600 file and leaves nothing else', () => {
    writeFileAtomic(path.join(dir, 'k.json'), 'whole');
    expect(fs.readFileSync(path.join(dir, 'k.json'), 'utf8')).toBe('whole');
    expect(modeOf(path.join(dir, 'k.json'))).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['k.json']);
  });

  // Regression (issue 13): a write killed before its rename left a 0600 file of live credentials for good.
  test('first removes the temporary files killed writes left in the directory, and only those', () => {
    const keep = [leftover(process.pid), 'notes.tmp', '.k.json.12.nothex!!.tmp', 'k.json.1.0123abcd.tmp'];
    for (const name of keep.slice(1)) fs.writeFileSync(path.join(dir, name), '');
    leftover(GONE_PID);
    leftover(process.pid, 2 * MINUTE, 'other.json');
    writeFileAtomic(path.join(dir, 'new.json'), 'x');
    expect(fs.readdirSync(dir).sort()).toEqual([...keep, 'new.json'].sort());
  });

  test.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s in the middle of a write: the write completes, no temporary file stays, then the process dies of it', async (signal) => {
    const target = path.join(dir, 'k.json');
    const marker = path.join(dir, 'lived-on');
    // The signal arrives after the temporary file holds the secret and before the rename: from inside fsync.
    const program = `
      const fs = require('node:fs');
      const { writeFileAtomic } = require(${JSON.stringify(require.resolve('../../src/core/atomicWrite'))});
      const fsync = fs.fsyncSync;
      fs.fsyncSync = (fd) => { process.kill(process.pid, ${JSON.stringify(signal)}); fsync(fd); };
      writeFileAtomic(${JSON.stringify(target)}, 'whole');
      setTimeout(() => fs.writeFileSync(${JSON.stringify(marker)}, ''), 2000);
    `;
    const child = spawn(process.execPath, ['-e', program], { stdio: 'ignore' });
    const [code, died] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect({ code, died }).toEqual({ code: null, died: signal });
    expect(fs.readdirSync(dir)).toEqual(['k.json']);
    expect(fs.readFileSync(target, 'utf8')).toBe('whole');
  });

  test('with another listener for the signal (exec forwarding it), that listener decides and the process lives on', async () => {
    const program = `
      const fs = require('node:fs');
      const { writeFileAtomic } = require(${JSON.stringify(require.resolve('../../src/core/atomicWrite'))});
      writeFileAtomic(${JSON.stringify(path.join(dir, 'k.json'))}, 'whole');
      process.on('SIGTERM', () => { console.log('forwarded'); process.exit(0); });
      process.kill(process.pid, 'SIGTERM');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    const [code, died] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect({ code, died, stdout }).toEqual({ code: 0, died: null, stdout: 'forwarded\n' });
  });
});

describe(removeStaleTemps.name, () => {
  test('removes those of a writer that is gone at any age, and those older than a minute whatever their pid', () => {
    const young = leftover(process.pid, 0, 'a.json');
    leftover(GONE_PID, 0, 'b.json');
    leftover(process.pid, 2 * MINUTE, 'c.json');
    expect(removeStaleTemps(dir)).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([young]);
  });

  test('a missing directory has none', () => {
    expect(removeStaleTemps(path.join(dir, 'absent'))).toBe(0);
  });
});

describe(narrowPrivateDir.name, () => {
  test.each([0o777, 0o755, 0o701].map((mode) => [mode.toString(8), mode]))('narrows a directory of mode %s to 0700 and says what it was', (_name, mode) => {
    fs.chmodSync(dir, mode);
    expect(narrowPrivateDir(dir)).toBe(mode);
    expect(modeOf(dir)).toBe(0o700);
  });

  test('leaves a private directory alone, and a missing one missing', () => {
    fs.chmodSync(dir, 0o700);
    expect(narrowPrivateDir(dir)).toBeUndefined();
    expect(narrowPrivateDir(path.join(dir, 'absent'))).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'absent'))).toBe(false);
  });
});

describe(ensurePrivateDir.name, () => {
  test('creates missing parents 0700, and narrows one that exists wider', () => {
    ensurePrivateDir(path.join(dir, 'a', 'b'));
    expect(modeOf(path.join(dir, 'a', 'b'))).toBe(0o700);
    fs.chmodSync(path.join(dir, 'a', 'b'), 0o777);
    ensurePrivateDir(path.join(dir, 'a', 'b'));
    expect(modeOf(path.join(dir, 'a', 'b'))).toBe(0o700);
  });
});
