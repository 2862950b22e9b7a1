import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { evalInBash, expectCleanFailure, makeHome, runCli } from '../support/cli';
import { ALICE, CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

/** --mfa-serial: a one-off MFA session from long-term keys whose profile names no device. */

let sts: FakeSts;
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());

/** alice's keys, without the mfa_serial line. */
function keysOnly() {
  const { home, env } = makeHome({ config: CONFIG.replace(`mfa_serial = ${ALICE.mfaSerial}\n`, ''), credentials: CREDENTIALS });
  expect(fs.readFileSync(`${home}/.aws/config`, 'utf8')).toMatch(/\[profile alice\]\nregion = eu-west-1\n\n/);
  return { ...env, AWS_ENDPOINT_URL_STS: sts.url };
}

describe('--mfa-serial', () => {
  test('gets GetSessionToken with that serial; the session is cached, and only with the flag is it asked for', async () => {
    const env = keysOnly();
    const first = await runCli(['alice', '--mfa-serial', ALICE.mfaSerial, '--mfa-code', '123 456'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(sts.calls.map((c) => [c.action, c.params.SerialNumber, c.params.TokenCode, c.accessKeyId])).toEqual([['GetSessionToken', ALICE.mfaSerial, '123456', ALICE.accessKeyId]]);
    expect((await evalInBash(first.stdout)).AWS_SESSION_TOKEN).toBe(sts.issued[0].sessionToken);

    const again = await runCli(['alice', '--mfa-serial', ALICE.mfaSerial], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(sts.calls).toHaveLength(1);

    // Without the flag the profile means its keys, as it says.
    const plain = await runCli(['alice'], { env });
    expect(plain.code).toBe(0);
    expect((await evalInBash(plain.stdout)).AWS_ACCESS_KEY_ID).toBe(ALICE.accessKeyId);
  });

  test('works for exec too', async () => {
    const result = await runCli(['exec', 'alice', '--mfa-serial', ALICE.mfaSerial, '--mfa-code', '234567', '--', 'sh', '-c', 'printf %s "$AWS_SESSION_TOKEN"'], { env: keysOnly() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(sts.issued[0].sessionToken);
  });

  test.each([
    ['--mfa-code', ['alice', '--mfa-code', '123456'], {}, '--mfa-code was given'],
    ['AWSENV_MFA_CODE', ['alice'], { AWSENV_MFA_CODE: '123456' }, '$AWSENV_MFA_CODE was given'],
  ])('a code from %s for keys without any serial is a usage error naming both fixes, never dropped', async (_name, args, extra, says) => {
    const result = await runCli(args, { env: { ...keysOnly(), ...extra } });
    expectCleanFailure(result, 2, `awsenv: profile "alice": ${says}, but no step of this chain uses an MFA code`);
    expect(result.stderr).toContain('Add mfa_serial = arn:aws:iam::ACCOUNT:mfa/DEVICE to profile "alice", or pass --mfa-serial');
    expect(sts.calls).toEqual([]);
  });
});
