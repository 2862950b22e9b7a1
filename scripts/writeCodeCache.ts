/**
 * Part of the build: runs the bundled CLI on a typical command for each bundle, so that the launcher can save V8's
 * compiled code for it: an export of plain keys for the warm bundle, `--help` (yargs) for the cold one. Each run
 * writes only its own bundle's cache. Nothing outside a temporary directory is read or written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dist = path.resolve(__dirname, '..');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-build-'));
try {
  fs.mkdirSync(path.join(home, '.aws'));
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), '[build]\naws_access_key_id = AKIABUILD\naws_secret_access_key = build\n');
  const runFor = (bundle: string, args: string[]) =>
    execFileSync(process.execPath, [path.join(dist, 'awsenv.js'), ...args], { env: { PATH: process.env.PATH, HOME: home, AWSENV_WRITE_CODE_CACHE: bundle }, stdio: 'ignore' });
  runFor('awsenv-main.js', ['build']);
  runFor('awsenv-cold.js', ['--help']);
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
