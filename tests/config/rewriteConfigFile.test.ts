import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rewriteConfigFile } from '../../src/config/rewriteConfigFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-rewrite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const append = (text: string) => `${text}[profile new]\nregion = eu-west-1\n`;
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe(rewriteConfigFile.name, () => {
  test('keeps the previous file as a private backup and writes the edit', () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, '[default]\r\nregion = us-east-1', { mode: 0o644 });
    expect(rewriteConfigFile(file, append)).toEqual({ changed: true, backup: `${file}.awsenv-backup` });
    expect(fs.readFileSync(`${file}.awsenv-backup`, 'utf8')).toBe('[default]\r\nregion = us-east-1');
    expect(mode(`${file}.awsenv-backup`)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(append('[default]\r\nregion = us-east-1'));
  });

  test('creates a missing file and its directory, with no backup', () => {
    const file = path.join(dir, '.aws', 'config');
    expect(rewriteConfigFile(file, append)).toEqual({ changed: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(append(''));
    expect(fs.existsSync(`${file}.awsenv-backup`)).toBe(false);
  });

  test('writes nothing, not even a backup, when the edit changes nothing', () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, '[default]\n');
    const before = fs.statSync(file).mtimeMs;
    expect(rewriteConfigFile(file, (text) => text)).toEqual({ changed: false });
    expect(fs.readdirSync(dir)).toEqual(['config']);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  test('a config file that is a link stays one: the file it points to is replaced', () => {
    const real = path.join(dir, 'dotfiles', 'aws-config');
    fs.mkdirSync(path.dirname(real));
    fs.writeFileSync(real, '[default]\n');
    const file = path.join(dir, 'config');
    fs.symlinkSync(real, file);
    rewriteConfigFile(file, append);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(append('[default]\n'));
    expect(fs.readFileSync(`${file}.awsenv-backup`, 'utf8')).toBe('[default]\n');
  });
});
