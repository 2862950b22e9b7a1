import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { makeHome, runCli, runProcess } from '../support/cli';
import { installed, startMoto } from '../support/peers';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// Independent peers: the AWS CLI (botocore) must accept what awsenv exports and what it prints as a
// credential_process, and awsenv must work against moto's STS, an emulator written by other people.
const haveAwsCli = installed('aws');
const haveMoto = installed('moto_server');
if (!haveAwsCli) console.warn('SKIPPED: the AWS CLI is not installed, so the botocore interop tests do not run.');
if (!haveMoto || !haveAwsCli) console.warn('SKIPPED: moto_server or the AWS CLI is missing, so the moto interop tests do not run.');

async function awsCli(args: string[], env: NodeJS.ProcessEnv, setup = ''): Promise<{ Arn: string }> {
  const command = `${setup}\nexec aws ${args.map((a) => `'${a}'`).join(' ')} --output json`;
  const result = await runProcess('bash', ['--norc', '--noprofile', '-c', command], { env, timeoutMs: 60000 });
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

(haveAwsCli ? describe : describe.skip)('the AWS CLI with awsenv credentials, against the fake STS', () => {
  let sts: FakeSts;
  beforeAll(async () => {
    sts = await startWorld();
  });
  afterAll(() => sts.close());

  test('exported by eval: botocore signs with them and STS sees the assumed role', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    const exported = await runCli(['admin', '--mfa-code', '123456'], { env: world });
    expect(exported.code).toBe(0);
    const identity = await awsCli(['sts', 'get-caller-identity'], { ...world, AWS_PROFILE: 'admin' }, exported.stdout);
    expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/);
    expect(sts.calls[sts.calls.length - 1].accessKeyId).toBe(sts.calls[1].issuedAccessKeyId);
  }, 60000);

  test('as credential_process: botocore runs awsenv --format process and uses what it prints', async () => {
    const { home, env, binDir } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    expect((await runCli(['readonly', '--mfa-code', '654321'], { env: world })).code).toBe(0);
    fs.appendFileSync(`${home}/.aws/config`, `\n[profile via-awsenv]\ncredential_process = ${binDir}/awsenv readonly --format process\nregion = us-east-1\n`);
    const identity = await awsCli(['sts', 'get-caller-identity', '--profile', 'via-awsenv'], world);
    expect(identity.Arn).toMatch(/^arn:aws:sts::333333333333:assumed-role\/readonly\//);
  }, 60000);
});

(haveAwsCli && haveMoto ? describe : describe.skip)('awsenv against moto\'s STS', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  beforeAll(async () => {
    moto = await startMoto();
  }, 40000);
  afterAll(() => moto?.stop());

  test('both IAM-user patterns: the exported credentials work with the AWS CLI against moto', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: moto.url };
    const session = await runCli(['alice', '--mfa-code', '123456'], { env: world });
    expect(session.stderr).toBe('');
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/export AWS_SESSION_TOKEN='.+'/);

    const role = await runCli(['admin'], { env: world });
    expect(role.stderr).toBe('');
    expect(role.code).toBe(0);
    const identity = await awsCli(['sts', 'get-caller-identity'], world, role.stdout);
    expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/);
    // moto lists the role sessions it handed out: the exported key must be one of them.
    const state = JSON.stringify(await (await fetch(`${moto.url}/moto-api/data.json`)).json());
    const exportedKey = /AWS_ACCESS_KEY_ID='([^']+)'/.exec(role.stdout)![1];
    expect(state).toContain(exportedKey);
  }, 60000);
});
