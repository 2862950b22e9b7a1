/**
 * Part of the build: runs the bundled CLI on typical commands so that the launcher can save V8's compiled code for
 * them. The warm bundle's cache grows over a chain of runs, each loading the cache the run before wrote and adding
 * what it compiled: an export of plain keys, of a cached role (its cache entry written here, under the key awsenv
 * computes), `unset`, `list`, `init`, awsuse's `use` of the role (with its summary line), `prompt` and the completion
 * of a profile that every TAB after awsuse runs. A function
 * left out of the cache is compiled on every start that calls it. The cold bundle's cache comes from a help line
 * yargs answers. Nothing outside a temporary directory is read or written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheKey } from '../src/cache/cacheKey';
import { credentialCacheDir, fileCache } from '../src/cache/credentialCache';
import { resolve } from '../src/chain/resolve';
import { loadConfig } from '../src/config/loadConfig';
import { stderrLogger } from '../src/core/logger';

const dist = path.resolve(__dirname, '..');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-build-'));
try {
  const env = { PATH: process.env.PATH, HOME: home };
  fs.mkdirSync(path.join(home, '.aws'));
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), '[build]\naws_access_key_id = AKIABUILD\naws_secret_access_key = build\n');
  fs.writeFileSync(path.join(home, '.aws', 'config'), '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/build\nsource_profile = build\nregion = eu-west-1\n');
  const log = stderrLogger(false);
  const { steps } = resolve('role', loadConfig(env, log), { env });
  const credentials = { accessKeyId: 'ASIABUILD', secretAccessKey: 'build', sessionToken: 'build', expiration: new Date(Date.now() + 24 * 3600e3) };
  fileCache(credentialCacheDir(env), log).write(cacheKey(steps, steps.length - 1), { profile: 'role', kind: 'assumeRole', credentials });
  const runFor = (bundle: string, args: string[], more: NodeJS.ProcessEnv = {}) =>
    execFileSync(process.execPath, [path.join(dist, 'awsenv.js'), ...args], { env: { ...env, ...more, AWSENV_WRITE_CODE_CACHE: bundle }, stdio: 'ignore' });
  for (const args of [['build'], ['role'], ['unset'], ['list'], ['init', 'zsh'], ['use', 'role'], ['__complete', 'use', '']]) runFor('awsenv-main.js', args);
  // What a shell prompt runs, with the variables an export of the role leaves.
  runFor('awsenv-main.js', ['prompt'], { AWSENV_PROFILE: 'role', AWS_CREDENTIAL_EXPIRATION: credentials.expiration.toISOString() });
  // A line only yargs answers (--help alone is a page written at build time).
  runFor('awsenv-cold.js', ['list', '--long', '--help']);
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}
