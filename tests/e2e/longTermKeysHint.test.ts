import fs from 'node:fs';
import { makeHome, runCli } from '../support/cli';
import { killTtySessions, startTtySession } from '../support/ttySession';
import { CONFIG, CREDENTIALS } from '../support/stsWorld';

/** Exporting long-term keys: a one-line hint on stderr toward an MFA session, for a person at a terminal only. */

const HINT = 'awsenv: hint: profile "static" gave long-term keys; for an MFA session instead, add mfa_serial = ARN to it, or run: awsenv mfa setup static';
const STATIC = `${CREDENTIALS}[static]\naws_access_key_id = AKIASTATIC0000000001\naws_secret_access_key = s\n`;

afterEach(killTtySessions);

describe('the long-term keys hint', () => {
  test('is shown once when stderr is a terminal, and the export is whole', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: STATIC });
    const session = startTtySession(`awsenv static >${home}/out; echo "status $?"`, env);
    const { screen } = await session.exit();
    expect(screen).toContain('status 0');
    expect(screen.split(HINT)).toHaveLength(2);
    expect(fs.readFileSync(`${home}/out`, 'utf8')).toContain("export AWS_ACCESS_KEY_ID='AKIASTATIC0000000001';");
  });

  test('is not shown when stderr is not a terminal (scripts, CI), nor with stderr on /dev/null', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: STATIC });
    const piped = await runCli(['static'], { env });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    const session = startTtySession(`awsenv static >${home}/out 2>/dev/null; echo "status $?"`, env);
    const { screen } = await session.exit();
    expect(screen).toContain('status 0');
    expect(screen).not.toContain('hint');
  });

  // credential_process = awsenv P -f process runs on every AWS CLI call, with the terminal as stderr.
  test.each(['process', 'json', 'dotenv'])('is not shown for --format %s, which feeds a program, even on a terminal', async (format) => {
    const { home, env } = makeHome({ config: CONFIG, credentials: STATIC });
    const session = startTtySession(`awsenv static -f ${format} >${home}/out; echo "status $?"`, env);
    const { screen } = await session.exit();
    expect(screen).toContain('status 0');
    expect(screen).not.toContain('hint');
    expect(fs.readFileSync(`${home}/out`, 'utf8')).toContain('AKIASTATIC0000000001');
  });
});
