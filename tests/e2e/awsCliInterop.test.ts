import fs from 'node:fs';
import type { FakeSts } from '../fakes/sts';
import { makeHome, runCli, runProcess } from '../support/cli';
import { awsCliV2, awsCliWithEndpointVariables, commandPeer, startMoto, testWith } from '../support/peers';
import { ALICE, CONFIG, CREDENTIALS, PARTNER_ROLE, startWorld } from '../support/stsWorld';

// Independent peers: the AWS CLI (botocore) must accept what awsenv exports and what it prints as a
// credential_process, and awsenv must work against moto's STS, an emulator written by other people.
const awsCli = awsCliWithEndpointVariables();
const moto = commandPeer('moto_server');
const v2 = awsCliV2();

async function runAws(cli: string, args: string[], env: NodeJS.ProcessEnv, setup = ''): Promise<{ Arn: string }> {
  const command = `${setup}\nexec '${cli}' ${args.map((a) => `'${a}'`).join(' ')} --output json`;
  const result = await runProcess('bash', ['--norc', '--noprofile', '-c', command], { env, timeoutMs: 60000 });
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('the AWS CLI with awsenv credentials, against the fake STS', () => {
  const peerTest = testWith(awsCli);
  let sts: FakeSts;
  beforeAll(async () => {
    sts = await startWorld();
  });
  afterAll(() => sts.close());

  peerTest('exported by eval: botocore signs with them and STS sees the assumed role', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    const exported = await runCli(['admin', '--mfa-code', '123456'], { env: world });
    expect(exported.code).toBe(0);
    const identity = await runAws(awsCli.path!, ['sts', 'get-caller-identity'], { ...world, AWS_PROFILE: 'admin' }, exported.stdout);
    expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/);
    expect(sts.calls[sts.calls.length - 1].accessKeyId).toBe(sts.calls[1].issuedAccessKeyId);
  }, 60000);

  peerTest('as credential_process: botocore runs awsenv --format process and uses what it prints', async () => {
    const { home, env, binDir } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    expect((await runCli(['readonly', '--mfa-code', '654321'], { env: world })).code).toBe(0);
    fs.appendFileSync(`${home}/.aws/config`, `\n[profile via-awsenv]\ncredential_process = ${binDir}/awsenv readonly --format process\nregion = us-east-1\n`);
    const identity = await runAws(awsCli.path!, ['sts', 'get-caller-identity', '--profile', 'via-awsenv'], world);
    expect(identity.Arn).toMatch(/^arn:aws:sts::333333333333:assumed-role\/readonly\//);
  }, 60000);
});

describe('awsenv against moto\'s STS', () => {
  const peerTest = testWith(awsCli, moto);
  let server: Awaited<ReturnType<typeof startMoto>>;
  beforeAll(async () => {
    server = await startMoto(moto.path!);
  }, 40000);
  afterAll(() => server?.stop());

  peerTest('both IAM-user patterns: the exported credentials work with the AWS CLI against moto', async () => {
    const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: server.url };
    const session = await runCli(['alice', '--mfa-code', '123456'], { env: world });
    expect(session.stderr).toBe('');
    expect(session.code).toBe(0);
    expect(session.stdout).toMatch(/export AWS_SESSION_TOKEN='.+'/);

    const role = await runCli(['admin'], { env: world });
    expect(role.stderr).toBe('');
    expect(role.code).toBe(0);
    const identity = await runAws(awsCli.path!, ['sts', 'get-caller-identity'], world, role.stdout);
    expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/admin\/awsenv-\d+$/);
    // moto lists the role sessions it handed out: the exported key must be one of them.
    const state = JSON.stringify(await (await fetch(`${server.url}/moto-api/data.json`)).json());
    const exportedKey = /AWS_ACCESS_KEY_ID='([^']+)'/.exec(role.stdout)![1];
    expect(state).toContain(exportedKey);
  }, 60000);

  peerTest('session tags: moto takes an AssumeRole with Tags and TransitiveTagKeys as awsenv sends them', async () => {
    const config = CONFIG.replace('[profile partner]\n', '[profile partner]\nsession_tags = team=web,env=prod\ntransitive_session_tags = team\n');
    const { env } = makeHome({ config, credentials: CREDENTIALS });
    const role = await runCli(['partner'], { env: { ...env, AWS_ENDPOINT_URL_STS: server.url } });
    expect(role.stderr).toBe('');
    expect(role.code).toBe(0);
    expect(role.stdout).toMatch(/export AWS_SESSION_TOKEN='.+'/);
  }, 60000);
});

// The v2's own credential_process producer, `aws configure export-credentials`, both ways round. Neither needs the
// AWS CLI to reach the fakes, so any v2 will do, Debian's (2.9, older than AWS_ENDPOINT_URL_STS) included.
describe('the AWS CLI v2\'s aws configure export-credentials and awsenv', () => {
  const peerTest = testWith(v2);
  let sts: FakeSts;
  beforeAll(async () => {
    sts = await startWorld();
  });
  afterAll(() => sts.close());

  peerTest('the v2 resolves awsenv as a credential_process and gives out the very credentials awsenv printed', async () => {
    const { home, env, binDir } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
    const printed = await runCli(['readonly', '--mfa-code', '654321', '--format', 'process'], { env: world });
    expect(printed.code).toBe(0);
    fs.appendFileSync(`${home}/.aws/config`, `\n[profile via-awsenv]\ncredential_process = ${binDir}/awsenv readonly --format process\n`);
    const result = await runProcess(v2.path!, ['configure', 'export-credentials', '--profile', 'via-awsenv'], { env: world, timeoutMs: 60000 });
    expect(result.stderr).toBe('');
    const theirs = JSON.parse(result.stdout);
    const ours = JSON.parse(printed.stdout);
    expect({ ...theirs, Expiration: Date.parse(theirs.Expiration) }).toEqual({ ...ours, Expiration: Date.parse(ours.Expiration) });
  }, 60000);

  peerTest('awsenv takes what the v2 exports as a credential_process, and assumes a role with it', async () => {
    const { env } = makeHome({
      config: `${CONFIG}\n[profile alice-by-aws]\ncredential_process = ${v2.path} configure export-credentials --profile alice\n\n[profile partner-by-aws]\nrole_arn = ${PARTNER_ROLE}\nsource_profile = alice-by-aws\nexternal_id = partner-ext-42\n`,
      credentials: CREDENTIALS,
    });
    const before = sts.calls.length;
    const result = await runCli(['partner-by-aws', '--format', 'json'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url }, timeoutMs: 60000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const calls = sts.calls.slice(before);
    expect(calls.map((call) => [call.action, call.accessKeyId])).toEqual([['AssumeRole', ALICE.accessKeyId]]);
    expect(JSON.parse(result.stdout).AWS_ACCESS_KEY_ID).toBe(calls[0].issuedAccessKeyId);
  }, 60000);
});
