import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { evalInBash, makeHome, runCli } from '../support/cli';
import { ALICE, CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';
import { killTtySessions, startTtySession } from '../support/ttySession';

/**
 * The MFA code from stdin (`--mfa-code -`) or $AWSENV_MFA_CODE, for scripts that must not put it in argv, where
 * every local user can read it with `ps` (issue 13).
 */

let sts: FakeSts;
const homes: string[] = [];
beforeAll(async () => {
  sts = await startWorld();
});
afterEach(killTtySessions);
afterAll(async () => {
  await sts.close();
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

// Every code is accepted once: each case gets its own.
let nextCode = 310000;
const freshCode = () => String(nextCode++);

function world() {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  homes.push(home);
  return { ...env, AWS_ENDPOINT_URL_STS: sts.url };
}

/** The TokenCode of each STS call made since `since`. */
const codesSent = (since: number) => sts.calls.slice(since).map((call) => [call.action, call.params.TokenCode]);

describe('the MFA code without argv', () => {
  test.each<[string, (code: string) => { args: string[]; input?: string; env?: NodeJS.ProcessEnv }]>([
    ['--mfa-code - reads it from stdin', (code) => ({ args: ['alice', '--mfa-code', '-'], input: `${code}\n` })],
    ['--mfa-code=- too', (code) => ({ args: ['alice', '--mfa-code=-'], input: `${code}\r\n` })],
    ['AWSENV_MFA_CODE', (code) => ({ args: ['alice'], env: { AWSENV_MFA_CODE: code } })],
    ['--mfa-code CODE wins over AWSENV_MFA_CODE', (code) => ({ args: ['alice', '--mfa-code', code], env: { AWSENV_MFA_CODE: '999999' } })],
    ['--mfa-code - wins over AWSENV_MFA_CODE', (code) => ({ args: ['alice', '--mfa-code', '-'], input: `${code}\n`, env: { AWSENV_MFA_CODE: '999999' } })],
  ])('%s: the code reaches GetSessionToken, and the export works', async (_name, make) => {
    const code = freshCode();
    const { args, input, env } = make(code);
    const before = sts.calls.length;
    const result = await runCli(args, { env: { ...world(), ...env }, input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(codesSent(before)).toEqual([['GetSessionToken', code]]);
    expect((await evalInBash(result.stdout)).AWS_ACCESS_KEY_ID).toBe(sts.calls[before].issuedAccessKeyId);
  });

  test('exec --mfa-code - takes one line of stdin and leaves the rest to the command', async () => {
    const code = freshCode();
    const before = sts.calls.length;
    const result = await runCli(['exec', 'alice', '--mfa-code', '-', '--', 'cat'], { env: world(), input: `${code}\nfor the command\n` });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('for the command\n');
    expect(codesSent(before)).toEqual([['GetSessionToken', code]]);
  });

  test.each<[string, { args: string[]; input?: string; env?: NodeJS.ProcessEnv }, string]>([
    ['AWSENV_MFA_CODE of the wrong shape', { args: ['alice'], env: { AWSENV_MFA_CODE: '12345' } }, 'awsenv: $AWSENV_MFA_CODE must be the 6 digits your MFA device shows'],
    ['--mfa-code - with nothing on stdin', { args: ['alice', '--mfa-code', '-'], input: '' }, 'awsenv: --mfa-code - found nothing on stdin'],
    ['--mfa-code - with a first line of the wrong shape', { args: ['alice', '--mfa-code', '-'], input: 'abcdef\n' }, 'awsenv: --mfa-code - needs the 6 digits'],
  ])('%s: a usage error (2), no call, nothing on stdout', async (_name, { args, input, env }, message) => {
    const before = sts.calls.length;
    const result = await runCli(args, { env: { ...world(), ...env }, input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(sts.calls.length).toBe(before);
  });

  test('--mfa-code - at a terminal: a usage error that says to type the code at the prompt instead', async () => {
    const session = startTtySession(`bash --norc --noprofile -c 'awsenv alice --mfa-code -; echo "status=$?"'`, world());
    await session.waitFor('status=');
    const { screen } = await session.exit();
    expect(screen).toContain('awsenv: --mfa-code - reads the code from stdin, and stdin is the terminal');
    expect(screen).toContain('Leave out --mfa-code: awsenv asks for the code on the terminal');
    expect(screen).toContain('status=2');
    expect(screen).not.toContain(`Enter MFA code for ${ALICE.mfaSerial}`);
  });
});
