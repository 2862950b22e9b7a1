import fs from 'node:fs';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { GITHUB_ISSUER, githubIdToken, startFakeGithubOidc, type FakeGithubOidc } from '../fakes/githubOidc';
import { startFakeImds, stsRoleCredentials, type FakeImds } from '../fakes/imds';
import { startFakeContainerCredentials, type FakeContainerCredentials } from '../fakes/containerCredentials';
import { jwtClaims } from '../fakes/webIdentityToken';
import { evalInBash, makeHome, runCli } from '../support/cli';

// Web identity, GitHub Actions OIDC, instance and container roles, end to end against their fake endpoints.
const CI_ROLE = 'arn:aws:iam::333333333333:role/ci';
const DEPLOY = 'arn:aws:iam::444444444444:role/deploy';
const INSTANCE_ROLE = 'arn:aws:iam::555555555555:role/runner';
const REQUEST_TOKEN = 'gh-request-token-secret';
const FILE_TOKEN = githubIdToken('sts.amazonaws.com');

let sts: FakeSts;
let github: FakeGithubOidc;
const tokens: string[] = [FILE_TOKEN];
beforeAll(async () => {
  github = await startFakeGithubOidc({ requestToken: REQUEST_TOKEN, mint: (audience) => githubIdToken(audience) });
  sts = await startFakeSts({
    users: [],
    roles: [
      { arn: CI_ROLE, webIdentity: { issuer: GITHUB_ISSUER, audience: 'sts.amazonaws.com' }, maxSessionDuration: 7200 },
      { arn: DEPLOY, trustedPrincipals: [CI_ROLE, INSTANCE_ROLE] },
    ],
    // Trusted: the token written to files here, and whatever the fake GitHub hands out.
    webIdentity: { tokens: (token) => (tokens.includes(token) || github.issued.includes(token) ? jwtClaims(token) : undefined) },
  });
}, 20000);
afterAll(async () => {
  await Promise.all([sts.close(), github.close()]);
});

function world(config = '') {
  const made = makeHome({ config });
  const tokenFile = path.join(made.home, 'token');
  fs.writeFileSync(tokenFile, `${FILE_TOKEN}\n`);
  return { ...made, tokenFile, env: { ...made.env, AWS_ENDPOINT_URL_STS: sts.url } };
}

const githubJob = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN, GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '1234' };

async function exportedArn(stdout: string): Promise<string> {
  const vars = await evalInBash(stdout);
  return sts.issued.find((c) => c.accessKeyId === vars.AWS_ACCESS_KEY_ID)!.identity.arn;
}

describe('web identity', () => {
  test('a profile with web_identity_token_file: one unsigned AssumeRoleWithWebIdentity with the file\'s token', async () => {
    const w = world(`[profile ci]\nrole_arn = ${CI_ROLE}\nweb_identity_token_file = TOKEN\nrole_session_name = pipeline\n[profile deploy]\nrole_arn = ${DEPLOY}\nsource_profile = ci\n`);
    fs.writeFileSync(`${w.home}/.aws/config`, fs.readFileSync(`${w.home}/.aws/config`, 'utf8').replace('TOKEN', w.tokenFile));
    const before = sts.calls.length;
    const result = await runCli(['deploy'], { env: w.env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const calls = sts.calls.slice(before);
    expect(calls.map((c) => c.action)).toEqual(['AssumeRoleWithWebIdentity', 'AssumeRole']);
    expect(calls[0].accessKeyId).toBeUndefined();
    expect(calls[0].params).toEqual(expect.objectContaining({ RoleArn: CI_ROLE, RoleSessionName: 'pipeline', WebIdentityToken: FILE_TOKEN }));
    expect(calls[1].accessKeyId).toBe(calls[0].issuedAccessKeyId);
    expect(await exportedArn(result.stdout)).toMatch(/assumed-role\/deploy\//);
  });

  test('AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE win over [default] when no profile is named', async () => {
    const w = world('[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = x\n');
    const result = await runCli(['exec', '--', 'sh', '-c', 'printf "%s" "$AWSENV_PROFILE"'], { env: { ...w.env, AWS_ROLE_ARN: CI_ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: w.tokenFile } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(CI_ROLE);
    // With a profile named, the pair stands aside.
    const named = await runCli(['default'], { env: { ...w.env, AWS_ROLE_ARN: CI_ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: w.tokenFile } });
    expect((await evalInBash(named.stdout)).AWS_ACCESS_KEY_ID).toBe('AKIADEFAULT');
  });

  test('web identity credentials are never cached: a later run with a bad token is refused', async () => {
    const w = world();
    const env = { ...w.env, AWS_ROLE_ARN: CI_ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: w.tokenFile, AWS_ROLE_SESSION_NAME: 'same' };
    expect((await runCli([], { env })).code).toBe(0);
    fs.writeFileSync(w.tokenFile, 'garbage');
    const again = await runCli([], { env });
    expect(again.stdout).toBe('');
    expect(again.code).toBe(5);
    expect(fs.existsSync(`${w.home}/.aws/awsenv`)).toBe(false);
  });

  test('an untrusted token: AWS refused, nothing on stdout', async () => {
    const w = world();
    fs.writeFileSync(w.tokenFile, githubIdToken('sts.amazonaws.com', 'repo:evil/repo:ref:refs/heads/main'));
    const result = await runCli(['--role-arn', CI_ROLE, '--web-identity', w.tokenFile], { env: w.env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('STS refused the web identity token');
  });
});

describe('GitHub Actions OIDC (docs/ci.md)', () => {
  test('--role-arn ARN --web-identity github --format github: token fetched with the request token, role assumed, GITHUB_ENV written', async () => {
    const w = world();
    const githubEnv = path.join(w.home, 'github_env');
    fs.writeFileSync(githubEnv, '');
    const result = await runCli(['--role-arn', CI_ROLE, '--web-identity', 'github', '--format', 'github'], { env: { ...w.env, ...githubJob, ACTIONS_ID_TOKEN_REQUEST_URL: github.url, GITHUB_ENV: githubEnv } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const ask = github.calls[github.calls.length - 1];
    expect(ask).toEqual(expect.objectContaining({ status: 200, audience: 'sts.amazonaws.com' }));
    const assume = sts.calls[sts.calls.length - 1];
    expect(assume.params).toEqual(expect.objectContaining({ RoleArn: CI_ROLE, RoleSessionName: 'gha-octo-repo-1234', WebIdentityToken: ask.token }));
    expect(fs.readFileSync(githubEnv, 'utf8')).toContain(`AWSENV_PROFILE<<AWSENV_EOF\n${CI_ROLE}\nAWSENV_EOF`);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  test('with --debug, stderr shows the calls and none of the secrets: no token, key or request token', async () => {
    const w = world();
    const result = await runCli(['--role-arn', CI_ROLE, '--web-identity', 'github', '--debug', '--format', 'json'], { env: { ...w.env, ...githubJob, ACTIONS_ID_TOKEN_REQUEST_URL: github.url } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('AWS call: STS AssumeRoleWithWebIdentity');
    const issued = sts.issued[sts.issued.length - 1];
    for (const secret of [REQUEST_TOKEN, github.calls[github.calls.length - 1].token!, issued.secretAccessKey, issued.sessionToken]) expect(result.stderr).not.toContain(secret);
  });

  test('without id-token permission the job fails at once and says what to add', async () => {
    const w = world();
    const result = await runCli(['--role-arn', CI_ROLE, '--web-identity', 'github'], { env: w.env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('permissions: id-token: write');
  });

  test('a wrong request token is a clear error and the request token never shows', async () => {
    const w = world();
    const result = await runCli(['--role-arn', CI_ROLE, '--web-identity', 'github', '--debug'], { env: { ...w.env, ...githubJob, ACTIONS_ID_TOKEN_REQUEST_URL: github.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong-secret' } });
    expect(result.stdout).toBe('');
    // GitHub refused the job's request: not a network failure (6), and not AWS refusing (5), but the job's
    // setup to fix (3).
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('HTTP 401');
    expect(result.stderr).not.toContain('wrong-secret');
  });
});

describe('instance and container roles', () => {
  let imds: FakeImds;
  let container: FakeContainerCredentials;
  beforeAll(async () => {
    imds = await startFakeImds({ roleName: 'runner', credentials: stsRoleCredentials(sts, INSTANCE_ROLE, 'i-0123456789') });
    container = await startFakeContainerCredentials({ authorizationToken: 'container-auth', credentials: stsRoleCredentials(sts, INSTANCE_ROLE, 'task-1') });
  });
  afterAll(async () => {
    await Promise.all([imds.close(), container.close()]);
  });

  test('credential_source = Ec2InstanceMetadata: IMDSv2 token, then the role, then AssumeRole with it', async () => {
    const w = world(`[profile deploy]\nrole_arn = ${DEPLOY}\ncredential_source = Ec2InstanceMetadata\n`);
    const result = await runCli(['deploy'], { env: { ...w.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(imds.calls[0]).toEqual(expect.objectContaining({ method: 'PUT', path: '/latest/api/token', status: 200 }));
    expect(imds.calls.every((c) => c.method === 'PUT' || c.token)).toBe(true);
    expect(await exportedArn(result.stdout)).toMatch(/assumed-role\/deploy\//);
  });

  test('credential_source = EcsContainer with a full URI and an authorization token file', async () => {
    const w = world(`[profile deploy]\nrole_arn = ${DEPLOY}\ncredential_source = EcsContainer\n`);
    const tokenFile = path.join(w.home, 'container-token');
    fs.writeFileSync(tokenFile, 'container-auth');
    const result = await runCli(['deploy'], { env: { ...w.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/v2/credentials`, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(container.calls[container.calls.length - 1]).toEqual(expect.objectContaining({ status: 200, authorization: 'container-auth' }));
    expect(await exportedArn(result.stdout)).toMatch(/assumed-role\/deploy\//);
  });

  test('AWS_EC2_METADATA_DISABLED=true: a configuration error before any call', async () => {
    const w = world(`[profile deploy]\nrole_arn = ${DEPLOY}\ncredential_source = Ec2InstanceMetadata\n`);
    const before = imds.calls.length;
    const result = await runCli(['deploy'], { env: { ...w.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    expect(imds.calls.length).toBe(before);
  });
});
