import fs from 'node:fs';
import { makeHome } from '../support/cli';
import { runInShell, shellEnv, shellTempDir, removeShellTempDirs } from '../support/shellRun';
import { INTEGRATION_SHELLS, STATUS_VAR, awsuseCalls, loadIntegration, statusesOf, type IntegrationShell } from '../support/shellIntegration';

/**
 * awsuse of a profile without a region, in a real bash, zsh and fish: after its summary, one line on stderr says how to
 * give the shell a region, unless a tool run from the shell will find one anyway. Not only on a terminal: awsuse is a
 * person's command, and its summary is always printed.
 */

const CREDENTIALS = `[dev]
aws_access_key_id = ASIAWITHREGION000001
aws_secret_access_key = s
aws_session_token = t
region = eu-west-1

[prod-admin]
aws_access_key_id = ASIAREGIONLESS000001
aws_secret_access_key = s
aws_session_token = t
`;
const SUMMARY = 'awsenv: using profile "prod-admin": expiry unknown\n';
const HINT = 'awsenv: hint: profile "prod-admin" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION\n';

const canary = shellTempDir('region-hint');
const homes: string[] = [];
afterAll(() => {
  removeShellTempDirs();
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

const DEV_SUMMARY = 'awsenv: using profile "dev": expiry unknown\n';

const CASES: ReadonlyArray<[string, ReadonlyArray<readonly string[]>, { config?: string }, NodeJS.ProcessEnv, string]> = [
  ['a shell without a region: the summary, then the hint', [['prod-admin']], {}, {}, SUMMARY + HINT],
  // The switch clears the region awsenv exported for dev, so no tool will find one.
  ['a switch from a profile with a region: the hint', [['dev'], ['prod-admin']], {}, {}, DEV_SUMMARY + SUMMARY + HINT],
  ["a switch in a shell with the user's own region, which stays: no hint", [['dev'], ['prod-admin']], {}, { AWS_REGION: 'us-east-2' }, DEV_SUMMARY + SUMMARY],
  ['--region: the summary alone', [['prod-admin', '--region', 'eu-west-1']], {}, {}, SUMMARY],
  ['the shell has its own AWS_REGION: the summary alone', [['prod-admin']], {}, { AWS_REGION: 'eu-west-1' }, SUMMARY],
  ['[default] has a region: the summary alone', [['prod-admin']], { config: '[default]\nregion = eu-west-1\n' }, {}, SUMMARY],
  ['-q: neither', [['prod-admin', '-q']], {}, {}, ''],
];

describe.each(INTEGRATION_SHELLS.map((integration) => [integration.shell.name, integration] as const))('awsuse in %s', (_name, integration: IntegrationShell) => {
  test.each(CASES)('%s', async (_why, calls, files, before, stderr) => {
    const { home, binDir } = makeHome({ credentials: CREDENTIALS, ...files });
    homes.push(home);
    const result = await runInShell(integration.shell, {
      setup: loadIntegration(integration, 'awsenv init'),
      ...awsuseCalls(integration.shell, calls),
      names: ['AWSENV_PROFILE', STATUS_VAR],
      env: shellEnv(home, before, [binDir]),
      cwd: canary,
    });
    expect({ statuses: statusesOf(result), profile: result.vars.get('AWSENV_PROFILE'), stderr: result.stderr }).toEqual({ statuses: calls.map(() => 0), profile: ['prod-admin'], stderr });
  });
});
