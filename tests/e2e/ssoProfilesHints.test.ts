import { runCli } from '../support/cli';
import { hintedWords } from '../support/hints';
import { loginApproved } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import { SESSION_CONFIG, SSO_REGION, START_URL } from '../support/ssoWorld';

// Each refusal of `awsenv sso profiles` names a line to run instead; run as printed, that line gets past the refusal.
const world = useSsoWorld();
const OTHER_PORTAL = 'https://other.awsapps.com/start';

test.each<{ args: string[]; message: RegExp; after: { code: number; stderr?: RegExp } }>([
  { args: ['--sso-region', SSO_REGION], message: /--sso-region goes with --start-url/, after: { code: 0 } },
  { args: ['dev', '--start-url', START_URL, '--sso-region', SSO_REGION], message: /not both/, after: { code: 0 } },
  { args: ['--start-url', 'd-1234567890.awsapps.com/start', '--sso-region', SSO_REGION], message: /is not the https URL/, after: { code: 0 } },
  { args: ['--start-url', OTHER_PORTAL], message: /needs --sso-region/, after: { code: 0 } },
  { args: ['dev', '--session-name', 'mine'], message: /--session-name is for a start URL or a legacy profile/, after: { code: 0 } },
  { args: ['--start-url', START_URL, '--sso-region', 'us-east-1'], message: /signs in in eu-west-1, not us-east-1/, after: { code: 0 } },
  // The line it names is no longer refused; what is left is a sign-in, which only a terminal gives a new portal.
  { args: ['--start-url', OTHER_PORTAL, '--sso-region', SSO_REGION, '--session-name', 'corp'], message: /sso-session "corp" of the config signs in to https:\/\/d-1234567890/, after: { code: 4, stderr: /on a terminal: it signs in there first/ } },
])('sso profiles $args is refused with a line that runs', async ({ args, message, after }) => {
  const { env } = world.signedOutHome(SESSION_CONFIG);
  expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
  const refused = await runCli(['sso', 'profiles', ...args], { env });
  expect(refused.stdout).toBe('');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(message);
  expect(refused.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  const hinted = await runCli(hintedWords(refused.stderr).slice(1), { env });
  expect(hinted.code).toBe(after.code);
  if (after.stderr) expect(hinted.stderr).toMatch(after.stderr);
}, 30000);
