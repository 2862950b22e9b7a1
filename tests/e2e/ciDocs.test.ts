import fs from 'node:fs';
import path from 'node:path';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { GITHUB_ISSUER, githubIdToken, startFakeGithubOidc, type FakeGithubOidc } from '../fakes/githubOidc';
import { startFakeImds, stsRoleCredentials, type FakeImds } from '../fakes/imds';
import { jwtClaims } from '../fakes/webIdentityToken';
import { makeHome, runProcess } from '../support/cli';

// Every command docs/ci.md shows is run here, as written, in bash, against the fakes: a documented command that
// stops working, or a new one without a scenario here, fails this test.
const DOCS = path.resolve(__dirname, '..', '..', '..', 'docs', 'ci.md');
const DOC_ROLE = 'arn:aws:iam::123456789012:role/deploy';
const RUNNER_ROLE = 'arn:aws:iam::123456789012:role/runner';
const USER = { accessKeyId: 'AKIADOCS000000000001', secretAccessKey: 'docs/secret+key00000000000000000000000000', arn: 'arn:aws:iam::123456789012:user/ci' };
const REQUEST_TOKEN = 'request-token';

/** The shell lines of docs/ci.md's code blocks that run awsenv, without the YAML around them. */
function documentedCommands(): string[] {
  const blocks = [...fs.readFileSync(DOCS, 'utf8').matchAll(/```(?:sh|yaml)\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((block) => block.split('\n')).map((line) => line.trim().replace(/^- (run: )?/, '')).filter((line) => /(^|\s|\()awsenv /.test(line));
}

let sts: FakeSts;
let github: FakeGithubOidc;
let imds: FakeImds;
const gitlabToken = githubIdToken('sts.amazonaws.com');
beforeAll(async () => {
  github = await startFakeGithubOidc({ requestToken: REQUEST_TOKEN, mint: (audience) => githubIdToken(audience) });
  sts = await startFakeSts({
    users: [USER],
    roles: [{ arn: DOC_ROLE, webIdentity: { issuer: GITHUB_ISSUER }, trustedPrincipals: [USER.arn, RUNNER_ROLE] }],
    webIdentity: { tokens: (token) => (token === gitlabToken || github.issued.includes(token) ? jwtClaims(token) : undefined) },
  });
  imds = await startFakeImds({ roleName: 'runner', credentials: stsRoleCredentials(sts, RUNNER_ROLE, 'i-0abc') });
}, 20000);
afterAll(async () => {
  await Promise.all([sts.close(), github.close(), imds.close()]);
});

interface Scenario {
  config?: string;
  env?: (dir: string) => NodeJS.ProcessEnv;
  /** Paths the docs name that a test machine must not touch, mapped into the test's directory. */
  paths?: Record<string, string>;
  /** What the step must leave behind, checked after it ran. */
  check(dir: string, stdout: string): void;
}

const keys = { AWS_ACCESS_KEY_ID: USER.accessKeyId, AWS_SECRET_ACCESS_KEY: USER.secretAccessKey };
const deployFromEnvironment = `[profile deploy]\nrole_arn = ${DOC_ROLE}\ncredential_source = Environment\n`;
// The stand-ins for the tools the docs run print the key they were given, so the test can see it was a role's.
const ranWithRoleKey = (dir: string) => expect(fs.readFileSync(path.join(dir, 'tool-saw'), 'utf8')).toMatch(/^ASIA/);
const githubEnvHasRole = (dir: string) => expect(fs.readFileSync(path.join(dir, 'github_env'), 'utf8')).toContain(`AWSENV_PROFILE<<AWSENV_EOF\n${DOC_ROLE}\n`);

const SCENARIOS: Record<string, Scenario> = {
  'awsenv exec deploy -- terraform apply -auto-approve': { config: deployFromEnvironment, env: () => keys, check: ranWithRoleKey },
  'eval "$(awsenv deploy)"': { config: deployFromEnvironment, env: () => keys, check: () => undefined },
  [`npx awsenv --role-arn ${DOC_ROLE} --web-identity github --format github`]: {
    env: (dir) => ({ ACTIONS_ID_TOKEN_REQUEST_URL: github.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN, GITHUB_ENV: path.join(dir, 'github_env') }),
    check: (dir, stdout) => {
      githubEnvHasRole(dir);
      expect(stdout).toMatch(/^(::add-mask::.+\n){3}$/);
    },
  },
  [`npx awsenv --role-arn ${DOC_ROLE} --format github`]: { env: (dir) => ({ ...keys, GITHUB_ENV: path.join(dir, 'github_env') }), check: githubEnvHasRole },
  [`awsenv --role-arn ${DOC_ROLE} --web-identity "$CI_BUILDS_DIR/aws-token" --format dotenv --output aws.env`]: {
    env: (dir) => ({ CI_BUILDS_DIR: dir }),
    check: (dir) => {
      expect(fs.readFileSync(path.join(dir, 'aws.env'), 'utf8')).toMatch(/^AWS_ACCESS_KEY_ID=ASIA/m);
      expect(fs.statSync(path.join(dir, 'aws.env')).mode & 0o777).toBe(0o600);
    },
  },
  [`awsenv exec --role-arn ${DOC_ROLE} --web-identity "$CI_BUILDS_DIR/aws-token" -- terraform apply -auto-approve`]: { env: (dir) => ({ CI_BUILDS_DIR: dir }), check: ranWithRoleKey },
  [`AWS_ROLE_ARN=${DOC_ROLE} AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/token awsenv exec -- aws s3 ls`]: { paths: { '/var/run/token': 'aws-token' }, check: ranWithRoleKey },
  'awsenv exec deploy -- ./deploy.sh': {
    config: `[profile deploy]\nrole_arn = ${DOC_ROLE}\ncredential_source = Ec2InstanceMetadata\n`,
    env: () => ({ AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url }),
    check: ranWithRoleKey,
  },
};

test('every documented command has a scenario here', () => {
  expect(documentedCommands().sort()).toEqual(Object.keys(SCENARIOS).sort());
});

test.each(documentedCommands())('%s', async (command) => {
  const scenario = SCENARIOS[command];
  const { home, binDir, env } = makeHome({ config: scenario.config ?? '' });
  // The tools the docs call, as stand-ins that record the access key they were given.
  const tool = `#!/bin/sh\nprintf '%s' "$AWS_ACCESS_KEY_ID" > "${home}/tool-saw"\n`;
  for (const name of ['terraform', 'aws']) fs.writeFileSync(path.join(binDir, name), tool, { mode: 0o755 });
  fs.writeFileSync(path.join(home, 'deploy.sh'), tool, { mode: 0o755 });
  fs.writeFileSync(path.join(binDir, 'npx'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
  // Where the GitLab job's first line puts its ID token.
  fs.writeFileSync(path.join(home, 'aws-token'), gitlabToken);
  let line = command;
  for (const [from, to] of Object.entries(scenario.paths ?? {})) line = line.replace(from, path.join(home, to));
  const result = await runProcess('bash', ['--norc', '--noprofile', '-euc', line], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, ...scenario.env?.(home) }, cwd: home });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  scenario.check(home, result.stdout);
});
