import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AWSENV_BIN, runCli, runProcess } from '../support/cli';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = require(path.join(root, 'package.json')) as { bin: Record<string, string>; version: string };

// Names fixed by the issues: renaming any of them breaks people's scripts.
describe('the command-line contract', () => {
  test('package.json\'s awsenv bin is the file the tests run, and runs with node', async () => {
    expect(path.resolve(root, pkg.bin.awsenv)).toBe(AWSENV_BIN);
    const result = await runProcess(process.execPath, [path.resolve(root, pkg.bin.awsenv), '--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  test('npx awsenv works from the checkout', async () => {
    const npx = path.join(path.dirname(process.execPath), 'npx');
    // A cache of its own: npx remembers a checkout's bin from earlier runs, which would test a stale build. No scripts:
    // installing the checkout into that cache runs its `prepare`, a whole build in the checkout, under the suite that
    // is running from its dist/. The build that `prepare` makes is tested where `npm ci` runs it, in .ci/run.
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-npx-'));
    const env = { HOME: process.env.HOME, npm_config_cache: cache, npm_config_ignore_scripts: 'true' };
    const result = await runProcess(npx, ['--no-install', 'awsenv', '--version'], { env, timeoutMs: 60000, cwd: root });
    fs.rmSync(cache, { recursive: true, force: true });
    expect(result.stdout.trim()).toBe(pkg.version);
  }, 60000);

  test('--help names every fixed command and flag', async () => {
    const help = (await runCli(['--help'])).stdout;
    for (const word of ['export', 'exec', 'unset', 'list', 'init', '--format', '-f', '--region', '-r', '--mfa-code', '--duration', '--refresh', '--no-cache', '--debug']) {
      expect(help).toContain(word);
    }
    for (const format of ['sh', 'bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'process']) expect(help).toContain(format);
  });
});
