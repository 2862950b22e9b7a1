import fs from 'node:fs';
import { makeHome, runCli } from '../support/cli';
import { killTtySessions, occurrences, startTtySession, withoutControls } from '../support/ttySession';

/**
 * An export that leaves no tool a region (none in the profile, none in the environment, none in [default]) says so in
 * one line, to a person at a terminal; scripts and CI see nothing new.
 */

const HINT = 'awsenv: hint: profile "prod-admin" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION';
// Keys with a session token: no AWS call, and no long-term keys hint beside the one under test.
const CREDENTIALS = '[prod-admin]\naws_access_key_id = ASIAREGIONLESS000001\naws_secret_access_key = s\naws_session_token = t\n';

afterEach(killTtySessions);

/** `awsenv ARGS` on a terminal of its own, stdout to a file; the screen, the status and what stdout got. */
async function onTerminal(args: string, files: { config?: string } = {}, extraEnv: NodeJS.ProcessEnv = {}) {
  const { home, env } = makeHome({ credentials: CREDENTIALS, ...files });
  const session = startTtySession(`awsenv ${args} >${home}/out; echo "status $?"`, { ...env, ...extraEnv });
  const { screen } = await session.exit();
  return { screen: withoutControls(screen), stdout: fs.readFileSync(`${home}/out`, 'utf8') };
}

describe('the region hint of an export', () => {
  test('is shown once on a terminal when no tool would find a region, and the export is whole', async () => {
    const { screen, stdout } = await onTerminal('prod-admin');
    expect(screen).toContain('status 0');
    expect(occurrences(screen, HINT)).toBe(1);
    expect(stdout).toContain("export AWS_ACCESS_KEY_ID='ASIAREGIONLESS000001';");
    expect(stdout).not.toContain('AWS_REGION');
  });

  test.each<[string, string, { config?: string }, NodeJS.ProcessEnv]>([
    ['--region', 'prod-admin --region eu-west-1', {}, {}],
    ["the profile's own region", 'prod-admin', { config: '[profile prod-admin]\nregion = eu-west-1\n' }, {}],
    ['AWS_REGION in the environment', 'prod-admin', {}, { AWS_REGION: 'eu-west-1' }],
    ['AWS_DEFAULT_REGION in the environment', 'prod-admin', {}, { AWS_DEFAULT_REGION: 'eu-west-1' }],
    ["[default]'s region, which tools read once AWS_PROFILE is unset", 'prod-admin', { config: '[default]\nregion = eu-west-1\n' }, {}],
  ])('is not shown when a region comes from %s', async (_from, args, files, extraEnv) => {
    const { screen } = await onTerminal(args, files, extraEnv);
    expect(screen).toContain('status 0');
    expect(screen).not.toContain('hint');
  });

  test.each(['process', 'json', 'dotenv'])('is not shown for --format %s, which feeds a program, even on a terminal', async (format) => {
    const { screen, stdout } = await onTerminal(`prod-admin -f ${format}`);
    expect(screen).toContain('status 0');
    expect(screen).not.toContain('hint');
    expect(stdout).toContain('ASIAREGIONLESS000001');
  });

  test('is not shown when stderr is no terminal (scripts, CI), nor with stderr on /dev/null', async () => {
    const { home, env } = makeHome({ credentials: CREDENTIALS });
    const piped = await runCli(['prod-admin'], { env });
    expect([piped.code, piped.stderr]).toEqual([0, '']);
    const session = startTtySession(`awsenv prod-admin >${home}/out 2>/dev/null; echo "status $?"`, env);
    const { screen } = await session.exit();
    expect(screen).toContain('status 0');
    expect(screen).not.toContain('hint');
  });

  test('--debug says where tools will find the region', async () => {
    const { screen } = await onTerminal('prod-admin --debug', { config: '[default]\nregion = eu-west-1\n' });
    expect(screen).toContain('status 0');
    expect(screen).toContain('region: the export sets no region; tools read eu-west-1 from the [default] profile');
    expect(screen).not.toContain('hint');
  });
});
