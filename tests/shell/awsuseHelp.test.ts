import { makeHome } from '../support/cli';
import { runInShell, shellEnv, shellTempDir, removeShellTempDirs } from '../support/shellRun';
import { INTEGRATION_SHELLS, STATUS_VAR, awsuseCalls, loadIntegration, statusesOf } from '../support/shellIntegration';

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
