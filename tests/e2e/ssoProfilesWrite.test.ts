import fs from 'node:fs';
import { evalInBash, runCli } from '../support/cli';
import { botocorePeer, botocoreReadings } from '../support/botocore';
import { hintedWords, runHintedLogin } from '../support/hints';
import { testWith } from '../support/peers';
import { loginApproved } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import { LEGACY_CONFIG, SESSION_CONFIG, SSO_REGION, START_URL, readTokenFile } from '../support/ssoWorld';
import { killTtySessions, startTtySession } from '../support/ttySession';

// What `awsenv sso profiles --write` leaves is what `aws configure sso` leaves: profiles of one [sso-session], which
// awsenv exports and botocore reads; and every hint it prints on the way there runs as printed.
const world = useSsoWorld();
afterEach(killTtySessions);

/** The session `aws configure sso` would write for the fake's start URL, named after its subdomain. */
const NEW_SESSION = `[sso-session d-1234567890]\nsso_start_url = ${START_URL}\nsso_region = ${SSO_REGION}\nsso_registration_scopes = sso:account:access\n`;
const profile = (name: string, session: string, account: string, role: string, region: string) =>
  `[profile ${name}]\nsso_session = ${session}\nsso_account_id = ${account}\nsso_role_name = ${role}\nregion = ${region}\n`;

async function exportedRegion(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runCli([name], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (await evalInBash(result.stdout)).AWS_REGION;
}

test('--start-url with no sign-in and no terminal fails at once; the command it names, run on a terminal, signs in and writes profiles that export', async () => {
  const { home, env } = world.signedOutHome('');
  const file = `${home}/.aws/config`;
  fs.rmSync(file);
  const result = await runCli(['sso', 'profiles', '--start-url', START_URL, '--sso-region', SSO_REGION, '--write'], { env });
  expect(result.stdout).toBe('');
  expect(result.code).toBe(4);
  expect(result.stderr).not.toContain('awsenv login https');
  expect(result.stderr).toMatch(/on a terminal: it signs in there first/);
  expect(fs.existsSync(file)).toBe(false);

  // Word for word what the hint says, on a terminal of its own.
  const session = startTtySession(hintedWords(result.stderr).join(' '), env);
  await session.waitFor('and check that it shows the code');
  world.sso.approve(/code ([A-Z]{4}-[A-Z]{4})/.exec(session.screen())![1]);
  expect((await session.exit()).code).toBe(0);
  expect(fs.readFileSync(file, 'utf8')).toBe(
    [NEW_SESSION, profile('dev-AdministratorAccess', 'd-1234567890', '111111111111', 'AdministratorAccess', SSO_REGION), profile('dev-ReadOnly', 'd-1234567890', '111111111111', 'ReadOnly', SSO_REGION), profile('prod-ReadOnly', 'd-1234567890', '333333333333', 'ReadOnly', SSO_REGION)].join('\n'),
  );
  expect(fs.existsSync(`${file}.awsenv-backup`)).toBe(false);
  expect(session.screen()).toContain('added 3 profiles');
  expect(session.screen()).not.toContain('awsenv-backup');

  // The listing's sign-in was the new session's, refresh token and all: the profiles export without another.
  expect(readTokenFile(home, 'd-1234567890').refreshToken).toBeTruthy();
  const signInCalls = world.sso.calls.length;
  expect(await exportedRegion('prod-ReadOnly', env)).toBe(SSO_REGION);
  expect(world.sso.calls.slice(signInCalls).map((c) => `${c.action} ${c.input.accountId}`)).toEqual(['GetRoleCredentials 333333333333']);
}, 60000);

test('--start-url of a session the config has: its hint is a login that works, and the profiles written use that session, after the file byte for byte', async () => {
  // CRLF and no final newline: what a Windows editor leaves.
  const before = SESSION_CONFIG.replace(/\n/g, '\r\n').trimEnd();
  const { home, env } = world.signedOutHome(before);
  const file = `${home}/.aws/config`;
  const args = ['sso', 'profiles', '--start-url', `${START_URL}/`, '--region', 'us-west-2', '--write'];
  const refused = await runCli(args, { env });
  expect(refused.code).toBe(4);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toContain('Run "awsenv login dev" first.');
  expect((await runHintedLogin(refused.stderr, env, world.sso)).code).toBe(0);

  const result = await runCli(args, { env });
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('added 2 profiles');
  const backup = `${file}.awsenv-backup`;
  expect(fs.readFileSync(backup, 'utf8')).toBe(before);
  expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
  const added = [profile('dev-ReadOnly', 'corp', '111111111111', 'ReadOnly', 'us-west-2'), profile('prod-ReadOnly', 'corp', '333333333333', 'ReadOnly', 'us-west-2')].join('\n');
  expect(fs.readFileSync(file, 'utf8')).toBe(`${before}\r\n\r\n${added.replace(/\n/g, '\r\n')}`);
  expect(await exportedRegion('dev-ReadOnly', env)).toBe('us-west-2');
}, 60000);

testWith(botocorePeer())('from a legacy profile: a new sso-session that botocore reads, and the login its message names signs in to it', async () => {
  const { home, env } = world.signedOutHome(LEGACY_CONFIG);
  const file = `${home}/.aws/config`;
  expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
  const result = await runCli(['sso', 'profiles', 'dev', '--write'], { env });
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('signing in through the new [sso-session d-1234567890]');
  const written = fs.readFileSync(file, 'utf8');
  expect(written).toBe(`${LEGACY_CONFIG}\n${[NEW_SESSION, profile('dev-ReadOnly', 'd-1234567890', '111111111111', 'ReadOnly', 'eu-central-1'), profile('prod-ReadOnly', 'd-1234567890', '333333333333', 'ReadOnly', 'eu-central-1')].join('\n')}`);

  const [reading] = botocoreReadings(botocorePeer().path!, [{ config: written }]);
  if ('error' in reading) throw new Error(`botocore refused the written config: ${reading.error}`);
  expect(reading.ssoSessions['d-1234567890']).toEqual({ sso_start_url: START_URL, sso_region: SSO_REGION, sso_registration_scopes: 'sso:account:access' });
  expect(reading.profiles['prod-ReadOnly']).toEqual({ sso_session: 'd-1234567890', sso_account_id: '333333333333', sso_role_name: 'ReadOnly', region: 'eu-central-1' });

  expect((await runHintedLogin(result.stderr, env, world.sso)).code).toBe(0);
  expect(readTokenFile(home, 'd-1234567890').refreshToken).toBeTruthy();
  expect(await exportedRegion('prod-ReadOnly', env)).toBe('eu-central-1');
}, 60000);

test('a sign-in the portal no longer knows (the instance was recreated) is replaced once, and without a terminal the hint is a login that works', async () => {
  const { env } = world.signedOutHome(SESSION_CONFIG);
  expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
  await world.restart();
  const restarted = { ...env, AWS_ENDPOINT_URL_SSO: world.sso.url, AWS_ENDPOINT_URL_SSO_OIDC: world.sso.url };
  const args = ['sso', 'profiles', '--start-url', START_URL];
  const refused = await runCli(args, { env: restarted });
  expect(refused.stdout).toBe('');
  expect(refused.code).toBe(4);
  expect(refused.stderr).not.toContain('awsenv login https');
  // The refused token was not the end: a refresh was tried before giving up.
  expect(world.sso.calls.map((c) => c.action)).toEqual(['ListAccounts', 'CreateToken']);
  expect((await runHintedLogin(refused.stderr, restarted, world.sso)).code).toBe(0);
  expect((await runCli(args, { env: restarted })).code).toBe(0);
}, 60000);
