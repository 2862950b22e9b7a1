import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { evalInBash, expectCleanFailure, makeHome, runCli } from '../support/cli';
import { ADMIN_ROLE, ALICE, READONLY_ROLE, startWorld } from '../support/stsWorld';

/**
 * Keys from a credential_process get one MFA session for every role, as keys in the credentials file do:
 * process → GetSessionToken → AssumeRole, and a second role needs no code.
 */

let sts: FakeSts;
beforeEach(async () => {
  sts = await startWorld();
});
afterEach(() => sts.close());

/** A home whose credential_process prints alice's long-term keys (no Expiration) and counts its runs in a file. */
function processWorld(output: object = { Version: 1, AccessKeyId: ALICE.accessKeyId, SecretAccessKey: ALICE.secretAccessKey }) {
  const { home, env } = makeHome({});
  const script = path.join(home, 'creds.js');
  const runs = path.join(home, 'runs');
  fs.writeFileSync(script, `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.stdout.write(${JSON.stringify(JSON.stringify(output))});\n`);
  const role = (name: string, arn: string) => `[profile ${name}]\nrole_arn = ${arn}\nsource_profile = vault\nmfa_serial = ${ALICE.mfaSerial}\n`;
  fs.writeFileSync(`${home}/.aws/config`, `[profile vault]\ncredential_process = "${process.execPath}" ${script}\n\n${role('admin', ADMIN_ROLE)}\n${role('readonly', READONLY_ROLE)}`);
  const runCount = () => (fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').length : 0);
  return { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url }, runCount };
}

describe('credential_process keys and MFA', () => {
  test('one MFA session for all roles: the second role asks for no code, and a cached role runs no process', async () => {
    const { env, runCount } = processWorld();
    const admin = await runCli(['admin', '--mfa-code', '123456'], { env });
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(sts.calls.map((c) => [c.action, c.accessKeyId, c.params.TokenCode])).toEqual([
      ['GetSessionToken', ALICE.accessKeyId, '123456'],
      ['AssumeRole', sts.issued[0].accessKeyId, undefined],
    ]);
    expect(runCount()).toBe(1);

    // No code and no terminal: only the shared MFA session can serve; the process runs again for its step.
    const readonly = await runCli(['readonly'], { env });
    expect(readonly.stderr).toBe('');
    expect(readonly.code).toBe(0);
    expect(sts.calls.map((c) => c.action)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    expect(sts.calls[2].accessKeyId).toBe(sts.issued[0].accessKeyId);

    const again = await runCli(['admin'], { env });
    expect(again.stdout).toBe(admin.stdout);
    expect(sts.calls).toHaveLength(3);
    expect(runCount()).toBe(1);
    expect((await evalInBash(again.stdout)).AWS_SESSION_TOKEN).toBe(sts.issued[1].sessionToken);
  });

  test('temporary credentials from the process: refused before a code is spent, naming the profile and the fix', async () => {
    const { env } = processWorld({ Version: 1, AccessKeyId: 'ASIATEMP', SecretAccessKey: 's', SessionToken: 'tok', Expiration: '2099-01-01T00:00:00Z' });
    expectCleanFailure(await runCli(['admin', '--mfa-code', '123456'], { env }), 3, 'profile "vault" (on the way to "admin"): credential_process gave temporary credentials');
    expect(sts.calls).toEqual([]);
  });
});
