import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegularFile } from '../../src/core/readRegularFile';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-read-regular-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe(readRegularFile.name, () => {
  test('reads a regular file, and passes its stat to the check', () => {
    const file = path.join(tmp, 'f.json');
    fs.writeFileSync(file, '{"a":1}', { mode: 0o600 });
    const seen: number[] = [];
    expect(readRegularFile(file, (stat) => seen.push(stat.size))).toBe('{"a":1}');
    expect(seen).toEqual([7]);
  });

  test('through a symbolic link to a regular file', () => {
    fs.writeFileSync(path.join(tmp, 'target'), 'x');
    fs.symlinkSync(path.join(tmp, 'target'), path.join(tmp, 'link'));
    expect(readRegularFile(path.join(tmp, 'link'))).toBe('x');
  });

  test('a missing file throws the open\'s ENOENT', () => {
    expect(() => readRegularFile(path.join(tmp, 'absent'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  test.each<[string, (file: string) => void, string]>([
    ['a FIFO with no writer', (file) => execFileSync('mkfifo', [file]), 'it is a FIFO, not a regular file'],
    ['a directory', (file) => fs.mkdirSync(file), 'it is a directory, not a regular file'],
  ])('%s is refused at once, without waiting, and the check is not asked', (_name, make, message) => {
    const file = path.join(tmp, 'special');
    make(file);
    const check = jest.fn();
    const started = Date.now();
    expect(() => readRegularFile(file, check)).toThrow(message);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(check).not.toHaveBeenCalled();
  });

  test('a device is refused', () => {
    expect(() => readRegularFile('/dev/zero')).toThrow('it is a device, not a regular file');
  });

  test('a refusal by the check is thrown as it is', () => {
    const file = path.join(tmp, 'f');
    fs.writeFileSync(file, 'x');
    expect(() =>
      readRegularFile(file, () => {
        throw new Error('not yours');
      }),
    ).toThrow('not yours');
  });
});
