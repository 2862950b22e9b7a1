import fs from 'node:fs';
import path from 'node:path';
import { evalInBash, makeHome } from '../support/cli';
import { answerInBrowser, browserCommand, browserLogIn, visitsOf } from '../support/ssoBrowser';
import { writeAwsCliToken } from '../support/ssoAwsCliToken';
import { BROWSER_CONFIG, LEGACY_FORM, SESSION_CONFIG, SSO_REGION, SSO_SESSION_ARN, START_URL, endpointsOf, ssoActions, startSsoWorld, type SsoWorld } from '../support/ssoWorld';
import { killTtySessions, startTtySession, visibleLines } from '../support/ttySession';

// The sign-in as a person meets it: `eval "$(awsenv dev)"` on a terminal with no sign-in yet signs in right there
// (URL and code on the terminal, not in what `$( … )` captures), then prints the export.
// A first sign-in is not told that a sign-in expired, and every line names the start URL it signs in to.
const FIRST_SIGN_IN = `awsenv: profile "dev": not signed in to IAM Identity Center at ${START_URL}; signing in`;

let world: SsoWorld;
beforeEach(async () => {
  world = await startSsoWorld();
});
afterEach(async () => {
  killTtySessions();
  await world.close();
});

test('on a terminal, an export without a sign-in signs in and then exports', async () => {
  const { home, env } = makeHome({ config: SESSION_CONFIG });
  const script = path.join(home, 'export.sh');
  fs.writeFileSync(script, 'out=$(awsenv dev)\nprintf "%s" "$?" > "$HOME/status"\nprintf "%s" "$out" > "$HOME/stdout"\necho finished\n');
  const session = startTtySession(`bash --norc --noprofile ${script}`, { ...env, ...endpointsOf(world) });
  await session.waitFor('and check that it shows the code');
  const userCode = /code ([A-Z]{4}-[A-Z]{4})/.exec(session.screen())![1];
  world.sso.approve(userCode);
  await session.waitFor('finished');
  expect(fs.readFileSync(path.join(home, 'status'), 'utf8')).toBe('0');
  const stdout = fs.readFileSync(path.join(home, 'stdout'), 'utf8');
  expect(stdout).not.toContain(userCode);
  expect(session.screen()).toContain(FIRST_SIGN_IN);
  const vars = await evalInBash(stdout);
  const issued = world.sts.issued.find((c) => c.accessKeyId === vars.AWS_ACCESS_KEY_ID);
  expect(issued?.identity.arn).toBe(SSO_SESSION_ARN);
  expect(world.sso.calls.map((c) => c.action)).toEqual(['RegisterClient', 'StartDeviceAuthorization', ...Array(world.sso.calls.length - 4).fill('CreateToken'), 'CreateToken', 'GetRoleCredentials']);
});

// The same sign-in through the browser: the choice of flow is `awsenv login`'s, and shells that all need it at once
// share one, one browser tab however many shells.
/** `out=$(awsenv dev)` in bash on a terminal of its own, its status and stdout left in files named after `name`. */
function exportOnTerminal(home: string, env: NodeJS.ProcessEnv, name: string) {
  const script = path.join(home, `${name}.sh`);
  fs.writeFileSync(script, `out=$(awsenv dev)\nprintf "%s" "$?" > "$HOME/${name}.status"\nprintf "%s" "$out" > "$HOME/${name}.stdout"\necho finished\n`);
  const session = startTtySession(`bash --norc --noprofile ${script}`, env);
  return {
    session,
    result: async () => {
      await session.waitFor('finished', 1, 20000);
      return { status: fs.readFileSync(path.join(home, `${name}.status`), 'utf8'), stdout: fs.readFileSync(path.join(home, `${name}.stdout`), 'utf8') };
    },
  };
}

test('on a terminal, an export without a sign-in signs in through the browser and then exports', async () => {
  const { home, env } = makeHome({ config: BROWSER_CONFIG });
  const log = browserLogIn(home);
  const shell = exportOnTerminal(home, { ...env, ...endpointsOf(world), BROWSER: browserCommand('approve', log) }, 'one');
  const { status, stdout } = await shell.result();
  expect(status).toBe('0');
  expect(shell.session.screen()).toContain(FIRST_SIGN_IN);
  expect(shell.session.screen()).toContain('signing in through a browser on this machine (authorization code with PKCE)');
  expect((await visitsOf(log))[0]).toMatchObject({ status: 200 });
  const vars = await evalInBash(stdout);
  expect(world.sts.issued.find((c) => c.accessKeyId === vars.AWS_ACCESS_KEY_ID)?.identity.arn).toBe(SSO_SESSION_ARN);
  expect(ssoActions(world.sso)).toEqual(['oidc RegisterClient', 'oidc Authorize', 'oidc AuthorizeDecision', 'oidc CreateToken', 'portal GetRoleCredentials']);
});

test('three shells that need the sign-in at once open one browser tab, and all three export', async () => {
  const { home, env } = makeHome({ config: BROWSER_CONFIG });
  const log = browserLogIn(home);
  // The person is slow: the tab opens, and is answered only once every shell is waiting.
  const shellEnv = { ...env, ...endpointsOf(world), BROWSER: browserCommand('later', log) };
  const first = exportOnTerminal(home, shellEnv, 'first');
  await first.session.waitFor('/authorize?', 1, 20000);
  const others = ['second', 'third'].map((name) => exportOnTerminal(home, shellEnv, name));
  for (const other of others) await other.session.waitFor('waiting for another awsenv', 1, 20000);
  const [tab] = await visitsOf(log);
  expect((await answerInBrowser(tab.url, 'approve')).status).toBe(200);

  const results = await Promise.all([first, ...others].map((shell) => shell.result()));
  expect(results.map((r) => r.status)).toEqual(['0', '0', '0']);
  expect(await visitsOf(log)).toHaveLength(1);
  expect(ssoActions(world.sso).filter((a) => a.startsWith('oidc'))).toEqual(['oidc RegisterClient', 'oidc Authorize', 'oidc AuthorizeDecision', 'oidc CreateToken']);
  for (const other of others) expect(other.session.screen()).not.toContain('/authorize?');
});

test('on a terminal, an expired sign-in that nothing can refresh is said to have expired, and is signed in again', async () => {
  const { home, env } = makeHome({ config: LEGACY_FORM.config });
  writeAwsCliToken(home, LEGACY_FORM, { startUrl: START_URL, region: SSO_REGION, accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z' });
  const shell = exportOnTerminal(home, { ...env, ...endpointsOf(world) }, 'expired');
  await shell.session.waitFor('and check that it shows the code');
  world.sso.approve(/code ([A-Z]{4}-[A-Z]{4})/.exec(shell.session.screen())![1]);
  const { status } = await shell.result();
  expect(status).toBe('0');
  expect(shell.session.screen()).toContain(`awsenv: profile "dev": the IAM Identity Center sign-in to ${START_URL} has expired; signing in again`);
  expect(shell.session.screen()).not.toContain('not signed in');
});

// Regression: Ctrl-C while the spinner turned left "⠋ waiting for the sign-in to be approved" under the next prompt.
test('Ctrl-C during the sign-in wait erases the spinner\'s line, and the rest of the command line does not run', async () => {
  const { env } = makeHome({ config: SESSION_CONFIG });
  const session = startTtySession('bash --norc --noprofile -i', { ...env, ...endpointsOf(world), PS1: '$ ', HISTFILE: '/dev/null' });
  await session.waitFor('$ ');
  session.type(`awsenv dev >/dev/null; printf '%s\\n' "after-$?"\n`);
  await session.waitFor('waiting for the sign-in to be approved', 3);
  session.type('\x03');
  await session.waitFor('$ ', 2);
  session.type(`printf '%s\\n' "status-$?"\n`);
  await session.waitFor('status-130');
  session.type('exit\n');
  const { screen } = await session.exit();
  expect(screen).not.toMatch(/after-\d/);
  const shown = visibleLines(screen);
  expect(shown.filter((line) => line.includes('waiting for the sign-in'))).toEqual([]);
  // What is left of the spinner's line is an empty line above the next prompt.
  const code = shown.findIndex((line) => line.includes('and check that it shows the code'));
  expect(shown.slice(code + 1, code + 3)).toEqual(['', `$ printf '%s\\n' "status-$?"`]);
});
