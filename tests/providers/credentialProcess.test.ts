import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcessStep } from '../../src/chain/types';
import type { Credentials } from '../../src/core/credentials';
import { AwsenvError } from '../../src/core/errors';
import { credentialProcess } from '../../src/providers/credentialProcess';
import { NOW } from '../support/fakeProviderDeps';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-process-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A command line running the script under this node; the path is quoted, as a config file would quote it. */
function script(name: string, body: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, body);
  return `'${process.execPath}' '${file}'`;
}

/** printf prints its argument as it is: JSON without % or backslashes needs no escaping. */
const printing = (value: object) => `printf '${JSON.stringify(value)}'`;
const KEYS = { Version: 1, AccessKeyId: 'AKIAPROC', SecretAccessKey: 'proc-secret' };
// Later than the real clock, earlier than the test's: only the `now` argument can call it expired.
const BEFORE_NOW = '2030-06-01T11:59:59Z';
const step = (command: string): ProcessStep => ({ kind: 'process', profile: 'tool', command });

describe(credentialProcess.name, () => {
  it.each<{ why: string; command: string; credentials: Credentials }>([
    {
      why: 'version-1 JSON with a token and an expiration',
      command: printing({ ...KEYS, SessionToken: 'proc-token', Expiration: '2030-06-01T13:00:00Z' }),
      credentials: { accessKeyId: 'AKIAPROC', secretAccessKey: 'proc-secret', sessionToken: 'proc-token', expiration: new Date('2030-06-01T13:00:00Z') },
    },
    { why: 'long-term keys: no token, no expiration', command: printing(KEYS), credentials: { accessKeyId: 'AKIAPROC', secretAccessKey: 'proc-secret' } },
    { why: 'an empty token is no token', command: printing({ ...KEYS, SessionToken: '' }), credentials: { accessKeyId: 'AKIAPROC', secretAccessKey: 'proc-secret' } },
    {
      why: 'words split as a shell would, without a shell',
      command: `${script('argv', 'const [id, secret] = process.argv.slice(2); console.log(JSON.stringify({ Version: 1, AccessKeyId: id, SecretAccessKey: secret }));')} "AKIA TWO" 'has $HOME'`,
      credentials: { accessKeyId: 'AKIA TWO', secretAccessKey: 'has $HOME' },
    },
  ])('$why', async ({ command, credentials }) => {
    expect(await credentialProcess(step(command), NOW)).toEqual(credentials);
  });

  it.each<{ why: string; command: string; message: string }>([
    { why: 'a quote never closed', command: `node -e "console.log(1)`, message: 'credential_process cannot be split into words: a " quote is never closed' },
    { why: 'nothing to run', command: '  ', message: 'credential_process is empty' },
    { why: 'a program that is not there', command: path.join(dir, 'no-such-tool'), message: `could not start ${path.join(dir, 'no-such-tool')} (not found)` },
    {
      why: 'a failure, with what the command said last',
      command: script('fails', 'console.error("warming up"); console.error("no SSO session: run tool login"); process.exit(3);'),
      message: 'credential_process failed with exit code 3: warming up / no SSO session: run tool login',
    },
    { why: 'output that is not JSON', command: `printf 'AKIAPROC proc-secret'`, message: 'credential_process printed something other than JSON' },
    { why: 'another version', command: printing({ ...KEYS, Version: 2 }), message: 'not version-1 credentials (Version: ' },
    { why: 'no secret key', command: printing({ Version: 1, AccessKeyId: 'AKIAPROC' }), message: 'not version-1 credentials (SecretAccessKey: ' },
    { why: 'an expiration that is no date', command: printing({ ...KEYS, Expiration: 'soon' }), message: 'not version-1 credentials (Expiration: is not a date)' },
    { why: 'credentials already expired by the clock given', command: printing({ ...KEYS, Expiration: BEFORE_NOW }), message: `credential_process gave credentials that expired at ${BEFORE_NOW}` },
  ])('$why is a config error', async ({ command, message }) => {
    const error = await credentialProcess(step(command), NOW).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'config', profile: 'tool', message: expect.stringContaining(message) });
    expect((error as AwsenvError).message).toMatch(/^profile "tool": credential_process /);
  });

  test('the same expiration is good for an earlier clock', async () => {
    const earlier = new Date('2030-06-01T11:00:00Z');

    await expect(credentialProcess(step(printing({ ...KEYS, Expiration: BEFORE_NOW })), earlier)).resolves.toMatchObject({ expiration: new Date(BEFORE_NOW) });
  });
});
