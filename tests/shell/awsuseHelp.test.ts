import fs from 'node:fs';
import { makeHome, runCli } from '../support/cli';
import { runInShell, shellEnv, shellTempDir, removeShellTempDirs } from '../support/shellRun';
import { INTEGRATION_SHELLS, STATUS_VAR, awsuseCalls, integrationFile, loadIntegration, statusesOf } from '../support/shellIntegration';

afterAll(removeShellTempDirs);

// Regression: awsuse evaluates awsenv's stdout, so yargs' help and version text used to be run as shell code.
describe.each(INTEGRATION_SHELLS.map((s) => [s.shell.name, s] as const))('awsuse in %s', (_name, integration) => {
  test.each([['--help'], ['-h'], ['--version']])('awsuse %s shows text on stderr and runs nothing', async (flag) => {
    const { home, binDir } = makeHome({ credentials: '[p]\naws_access_key_id = AKIAP\naws_secret_access_key = s\n' });
    // Written into the body: fish would take a flag passed as an argument for one of its own.
    const { body } = awsuseCalls(integration.shell, [[]]);
    const result = await runInShell(integration.shell, {
      setup: loadIntegration(integration, 'awsenv init'),
      body: body.replace(/^awsuse/, `awsuse ${flag}`),
      names: [STATUS_VAR],
      env: shellEnv(home, {}, [binDir]),
      cwd: shellTempDir('help'),
    });
    expect(statusesOf(result)).toEqual([0]);
    expect(result.bodyOutput).toBe('');
    expect(result.stderr).toMatch(flag === '--version' ? /^\d+\.\d+\.\d+\n$/ : /awsenv use \[profile\]/);
  });
});

// What a bare awsuse does changed (a picker, not clearing): the help and the integration's own header must say so.
test('awsuse --help and the integration files say what awsuse PROFILE, a bare awsuse and awsuse -u do', async () => {
  const { home, env } = makeHome({});
  const help = await runCli(['use', '--help'], { env });
  fs.rmSync(home, { recursive: true, force: true });
  const page = help.stderr.replace(/\s+/g, ' ');
  expect(page).toContain('awsuse PROFILE exports the profile; a bare awsuse opens a picker over the profiles on the terminal (without one: lists them and fails); awsuse -u clears');
  expect(page).toContain('-u, --unset Clear the exported credentials instead');
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    expect(fs.readFileSync(integrationFile(shell), 'utf8').split('\n')[2]).toBe('# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears');
  }
});
