import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { expectCleanFailure, makeHome, runCli } from '../support/cli';
import { killTtySessions, startTtySession } from '../support/ttySession';
import { ALICE, CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

/** mfa_process: a command that prints the code (ykman for a YubiKey), run as credential_process is run. */

let sts: FakeSts;
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(async () => {
  killTtySessions();
  await sts.close();
});

const TOUCH = 'Touch your YubiKey...';
const WAITING = 'awsenv: waiting for the mfa_process of profile "alice"';

/** The world, with alice's code from a node script that says TOUCH on stderr, waits `delayMs`, prints `output` and counts its runs. */
function withMfaProcess(output = '135 790\n', delayMs = 0) {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const script = path.join(home, 'ykman.js');
  const runs = path.join(home, 'runs');
  fs.writeFileSync(
    script,
    `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.stderr.write(${JSON.stringify(`${TOUCH}\n`)}); setTimeout(() => process.stdout.write(${JSON.stringify(output)}), ${delayMs});\n`,
  );
  const config = CONFIG.replace(`mfa_serial = ${ALICE.mfaSerial}\n`, `mfa_serial = ${ALICE.mfaSerial}\nmfa_process = "${process.execPath}" ${script} oath accounts code --single 'AWS:alice'\n`);
  fs.writeFileSync(`${home}/.aws/config`, config);
  const runCount = () => (fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').length : 0);
  return { home, env: { ...env, AWS_ENDPOINT_URL_STS: sts.url }, runCount };
}

describe('mfa_process', () => {
  test('gives the code (with a space, as ykman prints it) without a terminal; its stderr reaches the user; roles share the session', async () => {
    const { env, runCount } = withMfaProcess();
    const result = await runCli(['admin'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${TOUCH}\n`);
    expect(sts.calls.map((c) => [c.action, c.params.TokenCode])).toEqual([['GetSessionToken', '135790'], ['AssumeRole', undefined]]);
    expect(runCount()).toBe(1);

    // readonly shares alice's MFA session: neither a code nor a run of the process.
    const readonly = await runCli(['readonly'], { env });
    expect(readonly.code).toBe(0);
    expect(readonly.stderr).toBe('');
    expect(runCount()).toBe(1);
  });

  test('an explicit --mfa-code wins, and the process is not run', async () => {
    const { env, runCount } = withMfaProcess();
    const result = await runCli(['alice', '--mfa-code', '246810'], { env });
    expect(result.code).toBe(0);
    expect(sts.calls.map((c) => c.params.TokenCode)).toEqual(['246810']);
    expect(runCount()).toBe(0);
  });

  test('output that is no code: a configuration error, nothing on stdout, no call', async () => {
    const { env } = withMfaProcess('no credential found\n');
    expectCleanFailure(await runCli(['alice'], { env }), 3, 'awsenv: profile "alice": mfa_process printed something other than a 6-digit MFA code');
    expect(sts.calls).toEqual([]);
  });

  test('a slow process without a terminal: no waiting notice, which only a person at a terminal can act on', async () => {
    const { env } = withMfaProcess('135790\n', 900);
    const result = await runCli(['alice'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('waiting');
  });

  test('a slow process with stderr on a terminal: awsenv says it is waiting for it', async () => {
    const { home, env } = withMfaProcess('135790\n', 1500);
    const session = startTtySession(`awsenv alice >${home}/out; echo "status $?"`, env);
    await session.waitFor(WAITING);
    const { screen } = await session.exit();
    expect(screen).toContain('status 0');
    expect(screen).toContain(TOUCH);
    expect(fs.readFileSync(`${home}/out`, 'utf8')).toContain(`export AWS_SESSION_TOKEN='${sts.issued[0].sessionToken}'`);
  });
});
