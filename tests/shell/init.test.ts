import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitCodes } from '../../src/core/errors';
import { SHELLS } from '../../src/cli/command';
import { runCli } from '../support/cli';
import { INTEGRATION_FILES } from '../../src/cli/commands/initCommand';
import { INTEGRATION_DIR } from '../support/shellIntegration';

/** `awsenv init SHELL` and `source shell/awsenv.SHELL` must load the very same code. */

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-init-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('awsenv init', () => {
  test('offers exactly the shells that have a file in shell/', () => {
    const files = fs.readdirSync(INTEGRATION_DIR).filter((file) => file.startsWith('awsenv.'));
    expect(files.sort()).toEqual(SHELLS.map((shell) => INTEGRATION_FILES[shell]).sort());
  });

  test.each(SHELLS)('%s prints its file in shell/ byte for byte', async (shell) => {
    const result = await runCli(['init', shell], { env: { HOME: home } });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toBe(fs.readFileSync(path.join(INTEGRATION_DIR, INTEGRATION_FILES[shell]), 'utf8'));
  });

  test.each([[['tcsh']], [['BASH']], [[]]])('refuses init %j with the usage exit code and prints nothing to evaluate', async (args: string[]) => {
    const result = await runCli(['init', ...args], { env: { HOME: home } });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: exitCodes.usage, stdout: '' });
    expect(result.stderr).not.toBe('');
  });
});
