import fs from 'node:fs';
import { makeHome, runCli } from '../support/cli';
import { killRunningClis, loginApproved } from '../support/ssoCli';
import { SESSION_CONFIG, SSO_ACCOUNT, SSO_ROLE, endpointsOf, startSsoWorld, type SsoWorld } from '../support/ssoWorld';

// sso profiles --write puts these values into the config file as they are: text that could end a line and start
// another (a credential_process line, a section of its own) is refused before anything is read or called.
const START = 'https://acme.awsapps.com/start';

test.each([
  [['--start-url', START, '--sso-region', 'eu-west-1\ncredential_process = sh -c id'], '--sso-region'],
  [['--start-url', START, '--sso-region', 'eu-west-1', '--region', 'eu-west-1\n[profile default]'], '--region'],
  [['--start-url', `${START}\ncredential_process = sh -c id`, '--sso-region', 'eu-west-1'], '--start-url'],
  [['--start-url', START, '--sso-region', 'eu-west-1', '--session-name', 'acme]\n[default'], '--session-name'],
  [['--start-url', START, '--sso-region', 'Europe'], '--sso-region'],
])('%j is refused with exit 2, naming %s, and the config is left alone', async (args, flag) => {
  const config = '[profile dev]\nregion = eu-west-1\n';
  const { home, env } = makeHome({ config });
  const result = await runCli(['sso', 'profiles', ...args, '--write'], { env });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(flag);
  expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  expect(fs.readFileSync(`${home}/.aws/config`, 'utf8')).toBe(config);
});

describe('what the portal answers', () => {
  let world: SsoWorld;
  afterEach(async () => {
    killRunningClis();
    await world.close();
  });

  test('a role or account that is no IAM name never reaches the config file: only the real ones are written', async () => {
    world = await startSsoWorld({
      accounts: [
        { accountId: SSO_ACCOUNT, accountName: 'dev', emailAddress: 'dev@example.com', roles: [SSO_ROLE, 'Admin\ncredential_process = sh -c id'] },
        { accountId: '3333\n[profile default]', accountName: 'evil', emailAddress: 'e@example.com', roles: ['ReadOnly'] },
      ],
    });
    const { home, env } = makeHome({ config: SESSION_CONFIG });
    const full = { ...env, ...endpointsOf(world) };
    expect((await loginApproved('dev', full, world.sso)).code).toBe(0);
    const result = await runCli(['sso', 'profiles', 'dev', '--write'], { env: full });
    expect(result.code).toBe(0);
    const written = fs.readFileSync(`${home}/.aws/config`, 'utf8');
    expect(written).not.toContain('credential_process');
    expect(written).not.toContain('[profile default]');
    expect(written).toContain(`sso_role_name = ${SSO_ROLE}`);
  });
});
