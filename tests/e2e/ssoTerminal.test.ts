import fs from 'node:fs';
import path from 'node:path';
import { evalInBash, makeHome } from '../support/cli';
import { SESSION_CONFIG, SSO_SESSION_ARN, endpointsOf, startSsoWorld, type SsoWorld } from '../support/ssoWorld';
import { killTtySessions, startTtySession } from '../support/ttySession';

// The sign-in as a person meets it: `eval "$(awsenv dev)"` on a terminal with no sign-in yet signs in right there
// (URL and code on the terminal, not in what `$( … )` captures), then prints the export.
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
  expect(session.screen()).toContain('needs a new IAM Identity Center sign-in');
  const vars = await evalInBash(stdout);
  const issued = world.sts.issued.find((c) => c.accessKeyId === vars.AWS_ACCESS_KEY_ID);
  expect(issued?.identity.arn).toBe(SSO_SESSION_ARN);
  expect(world.sso.calls.map((c) => c.action)).toEqual(['RegisterClient', 'StartDeviceAuthorization', ...Array(world.sso.calls.length - 4).fill('CreateToken'), 'CreateToken', 'GetRoleCredentials']);
});
