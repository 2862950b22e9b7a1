import fs from 'node:fs';
import { makeHome, runCli } from '../support/cli';
import { runHintedLogin } from '../support/hints';
import { killRunningClis, loginApproved } from '../support/ssoCli';
import { SESSION_CONFIG, LEGACY_CONFIG, START_URL, SSO_REGION, endpointsOf, startSsoWorld, type SsoWorld } from '../support/ssoWorld';

let world: SsoWorld;
beforeEach(async () => {
  // One item a page, so that every list takes several pages.
  world = await startSsoWorld({ pageSize: 1 });
});
afterEach(async () => {
  killRunningClis();
  await world.close();
});

async function signedIn(config: string) {
  const { home, env } = makeHome({ config });
  const full = { ...env, ...endpointsOf(world) };
  expect((await loginApproved('dev', full, world.sso)).code).toBe(0);
  return { home, env: full };
}

describe('awsenv sso profiles', () => {
  test('lists every account and role, across pages, as sections for the sso-session (one the config has under its own name)', async () => {
    const { env } = await signedIn(SESSION_CONFIG);
    const result = await runCli(['sso', 'profiles', 'dev'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\nregion = eu-central-1\n',
        '[profile dev-ReadOnly]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\nregion = eu-central-1\n',
        '[profile prod-ReadOnly]\nsso_session = corp\nsso_account_id = 333333333333\nsso_role_name = ReadOnly\nregion = eu-central-1\n',
      ].join('\n'),
    );
    expect(world.sso.calls.filter((c) => c.action === 'ListAccounts').length).toBeGreaterThanOrEqual(2);
    expect(world.sso.calls.filter((c) => c.action === 'ListAccountRoles' && c.input.accountId === '111111111111').length).toBeGreaterThanOrEqual(2);
  });

  test('for a legacy profile the sections sign in through a new sso-session of its start URL, named after the portal', async () => {
    const { env } = await signedIn(LEGACY_CONFIG);
    const result = await runCli(['sso', 'profiles', 'dev'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`[sso-session d-1234567890]\nsso_start_url = ${START_URL}\nsso_region = ${SSO_REGION}\nsso_registration_scopes = sso:account:access\n\n`)).toBe(true);
    expect(result.stdout).toContain('[profile prod-ReadOnly]\nsso_session = d-1234567890\nsso_account_id = 333333333333\nsso_role_name = ReadOnly\nregion = eu-central-1\n');
    expect(result.stdout).not.toContain('sso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id');
  });

  test('--write adds only the missing profiles, keeps a backup, and the new ones work', async () => {
    const { home, env } = await signedIn(SESSION_CONFIG);
    const file = `${home}/.aws/config`;
    const result = await runCli(['sso', 'profiles', 'dev', '--write'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    // dev already is AdministratorAccess in 111111111111: only the other two are new.
    expect(result.stderr).toContain('added 2 profiles');
    expect(fs.readFileSync(`${file}.awsenv-backup`, 'utf8')).toBe(SESSION_CONFIG);
    const written = fs.readFileSync(file, 'utf8');
    expect(written.startsWith(SESSION_CONFIG)).toBe(true);
    expect(written).toContain('[profile prod-ReadOnly]');
    expect(written).not.toContain('[profile dev-AdministratorAccess]');

    const again = await runCli(['sso', 'profiles', 'dev', '--write'], { env });
    expect(again.stderr).toContain('added 0 profiles');
    expect(fs.readFileSync(file, 'utf8')).toBe(written);

    const prod = await runCli(['prod-ReadOnly'], { env });
    expect(prod.stderr).toBe('');
    expect(prod.code).toBe(0);
    expect(world.sso.calls.find((c) => c.action === 'GetRoleCredentials' && c.input.accountId === '333333333333')).toBeDefined();
  });

  test('without a sign-in and a terminal it fails at once and says how to sign in', async () => {
    const env = { ...makeHome({ config: SESSION_CONFIG }).env, ...endpointsOf(world) };
    const result = await runCli(['sso', 'profiles', 'dev'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Run "awsenv login dev" first.');
    expect((await runHintedLogin(result.stderr, env, world.sso)).code).toBe(0);
    expect((await runCli(['sso', 'profiles', 'dev'], { env })).code).toBe(0);
  });
});
