import fs from 'node:fs';
import path from 'node:path';
import { startFakeIam, type FakeIam, type FakeIamUser } from '../fakes/iam';
import { makeHome, runCli } from '../support/cli';
import { noteSecret } from '../support/secrets';
import { killTtySessions, startTtySession, withoutControls } from '../support/ttySession';
import { ALICE, BOB } from '../support/world';

/**
 * `awsenv mfa setup` as a user runs it: the built CLI against the fake IAM (moto answers ListMFADevices without a
 * UserName with NoSuchEntity, so it cannot stand in), reached through AWS_ENDPOINT_URL_IAM, and the config file
 * compared byte for byte before and after.
 */

const BOB_SPARE = 'arn:aws:iam::111111111111:mfa/bob-spare';
const DAVE: FakeIamUser = { arn: 'arn:aws:iam::111111111111:user/dave', accessKeyId: 'AKIADAVE000000000001', secretAccessKey: 'dave/secret+key0000000000000000000000000', mfaSerials: [] };
const ERIN: FakeIamUser = { arn: 'arn:aws:iam::111111111111:user/erin', accessKeyId: 'AKIAERIN000000000001', secretAccessKey: 'erin/secret+key0000000000000000000000000', mfaSerials: ['arn:aws:iam::111111111111:mfa/erin'], mayListMfaDevices: false };
noteSecret(DAVE.secretAccessKey, ERIN.secretAccessKey);

const USERS: FakeIamUser[] = [{ ...ALICE, mfaSerials: [ALICE.mfaSerial] }, { ...BOB, mfaSerials: [BOB.mfaSerial, BOB_SPARE] }, DAVE, ERIN];

const keys = (name: string, user: FakeIamUser) => `[${name}]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`;
const CREDENTIALS = [keys('alice', USERS[0]), keys('bob', USERS[1]), keys('dave', DAVE), keys('erin', ERIN)].join('\n');

// Comments, CRLF, a profile after alice's and a last line without its end: all of it must come back as it was.
const CONFIG = '# my settings\r\n[profile alice]\r\nregion = eu-west-1 \r\n\r\n; the roles\r\n[profile admin]\r\nrole_arn = arn:aws:iam::222222222222:role/admin\r\nsource_profile = alice';

let iam: FakeIam;
beforeEach(async () => {
  // One device a page, so that every list takes several pages.
  iam = await startFakeIam({ users: USERS, pageSize: 1 });
});
afterEach(async () => {
  killTtySessions();
  await iam.close();
});

/** A HOME with the credentials file and this config file; null for none. */
function home(config: string | null = CONFIG) {
  const made = makeHome({ config: config ?? undefined, credentials: CREDENTIALS });
  const file = path.join(made.home, '.aws', 'config');
  return { ...made, file, env: { ...made.env, AWS_ENDPOINT_URL_IAM: iam.url }, read: () => fs.readFileSync(file, 'utf8') };
}

describe('awsenv mfa setup', () => {
  test('one device: its serial goes into the profile\'s section, the rest of the file byte for byte, the old file kept', async () => {
    const { env, file, read } = home();
    const result = await runCli(['mfa', 'setup', 'alice'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`awsenv: profile "alice": mfa_serial = ${ALICE.mfaSerial} is in ${file} (the previous file is in ${file}.awsenv-backup)\n  Next: awsuse alice asks for a code from that device once per session.\n`);
    expect(read()).toBe(CONFIG.replace('region = eu-west-1 \r\n', `region = eu-west-1 \r\nmfa_serial = ${ALICE.mfaSerial}\r\n`));
    expect(fs.readFileSync(`${file}.awsenv-backup`, 'utf8')).toBe(CONFIG);
    expect(fs.statSync(`${file}.awsenv-backup`).mode & 0o777).toBe(0o600);
    expect(iam.calls).toEqual([expect.objectContaining({ action: 'ListMFADevices', accessKeyId: ALICE.accessKeyId, status: 200, params: {} })]);
  });

  test('a profile only in the credentials file gets a section in a new config file, and no backup', async () => {
    const { env, file, read } = home(null);
    const result = await runCli(['mfa', 'setup', 'alice'], { env });
    expect(result.code).toBe(0);
    expect(read()).toBe(`[profile alice]\nmfa_serial = ${ALICE.mfaSerial}\n`);
    expect(fs.existsSync(`${file}.awsenv-backup`)).toBe(false);
    expect(result.stderr).not.toContain('backup');
  });

  test('several devices on a terminal: a numbered list, and the number typed picks one', async () => {
    const { env, read } = home();
    const session = startTtySession('awsenv mfa setup bob', env);
    await session.waitFor('[1-2]: ');
    expect(withoutControls(session.screen())).toContain(`  1) ${BOB.mfaSerial} (enabled 2026-01-02)\r\n  2) ${BOB_SPARE} (enabled 2026-01-02)\r\n`);
    session.type('3\r');
    await session.waitFor('Type a number from 1 to 2.');
    session.type('2\r');
    const { code, screen } = await session.exit();
    expect(code).toBe(0);
    expect(withoutControls(screen)).toContain(`mfa_serial = ${BOB_SPARE} is in`);
    expect(read()).toBe(`${CONFIG}\r\n\r\n[profile bob]\r\nmfa_serial = ${BOB_SPARE}\r\n`);
    // Two pages of one device each.
    expect(iam.calls.map((c) => c.params.Marker)).toEqual([undefined, '1']);
  });

  test('several devices and no terminal: fails at once naming them, nothing on stdout, nothing written', async () => {
    const { env, file, read } = home();
    const result = await runCli(['mfa', 'setup', 'bob'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `awsenv: profile "bob": the IAM user of these keys has 2 MFA devices (${BOB.mfaSerial}, ${BOB_SPARE}), and there is no terminal to choose on\n`
        + '  Run "awsenv mfa setup bob" on a terminal, or name the device with --serial ARN.\n',
    );
    expect(read()).toBe(CONFIG);
    expect(fs.existsSync(`${file}.awsenv-backup`)).toBe(false);
  });

  test('--serial picks one without a terminal, and must be one of the user\'s', async () => {
    const { env, read } = home();
    const wrong = await runCli(['mfa', 'setup', 'bob', '--serial', ALICE.mfaSerial], { env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`--serial ${ALICE.mfaSerial} is not an MFA device of the IAM user of these keys`);
    expect(read()).toBe(CONFIG);
    const right = await runCli(['mfa', 'setup', 'bob', '--serial', BOB.mfaSerial], { env });
    expect(right.code).toBe(0);
    expect(read()).toContain(`[profile bob]\r\nmfa_serial = ${BOB.mfaSerial}\r\n`);
  });

  test('AccessDenied: says the user needs iam:ListMFADevices on itself', async () => {
    const { env, read } = home();
    const result = await runCli(['mfa', 'setup', 'erin'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/^awsenv: profile "erin": arn:aws:iam::111111111111:user\/erin may not list its own MFA devices \(iam:ListMFADevices\)\n {2}Allow the user iam:ListMFADevices on itself/);
    expect(result.stderr.split('\n')).toHaveLength(3);
    expect(read()).toBe(CONFIG);
  });

  test('no device: says how to assign one in the console', async () => {
    const { env, read } = home();
    const result = await runCli(['mfa', 'setup', 'dave'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('awsenv: profile "dave": the IAM user of these keys has no MFA device\n  Assign one in the IAM console');
    expect(read()).toBe(CONFIG);
  });

  test('keys IAM does not know: says which key to check', async () => {
    const { env, home: dir } = home();
    fs.appendFileSync(path.join(dir, '.aws', 'credentials'), '\n[ghost]\naws_access_key_id = AKIAGHOST00000000001\naws_secret_access_key = ghost/secret+key000000000000000000000000\n');
    const result = await runCli(['mfa', 'setup', 'ghost'], { env });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('profile "ghost": AWS does not recognise the access key');
  });

  test('a profile with an mfa_serial already: nothing changed and no call, unless --force', async () => {
    const config = `[profile alice]\nmfa_serial = arn:aws:iam::111111111111:mfa/old\n`;
    const { env, read } = home(config);
    const kept = await runCli(['mfa', 'setup', 'alice'], { env });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toBe('awsenv: profile "alice" already has mfa_serial = arn:aws:iam::111111111111:mfa/old; nothing changed (--force looks the devices up again and replaces it)\n');
    expect(iam.calls).toHaveLength(0);
    expect(read()).toBe(config);
    const forced = await runCli(['mfa', 'setup', 'alice', '--force'], { env });
    expect(forced.code).toBe(0);
    expect(read()).toBe(`[profile alice]\nmfa_serial = ${ALICE.mfaSerial}\n`);
  });

  test('--force where the credentials file sets mfa_serial: written, and a warning that the credentials file wins', async () => {
    const { env, home: dir, read } = home();
    const credentials = path.join(dir, '.aws', 'credentials');
    fs.appendFileSync(credentials, `\n${keys('alice2', USERS[0])}mfa_serial = arn:aws:iam::111111111111:mfa/old\n`);
    const result = await runCli(['mfa', 'setup', 'alice2', '--force'], { env });
    expect(result.code).toBe(0);
    expect(read()).toContain(`[profile alice2]\r\nmfa_serial = ${ALICE.mfaSerial}\r\n`);
    expect(result.stderr).toContain(`awsenv: warning: profile "alice2": ${credentials} sets mfa_serial = arn:aws:iam::111111111111:mfa/old too, and wins: remove that line\n`);
  });

  test('a profile without keys is a configuration error before any call', async () => {
    const { env } = home();
    const result = await runCli(['mfa', 'setup', 'admin'], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('profile "admin": has no access keys of an IAM user');
    expect(iam.calls).toHaveLength(0);
  });
});
