import { expectCleanFailure, makeHome, runCli } from '../support/cli';
import { useConsoleWorld } from '../support/consoleWorld';
import { ALICE, CONFIG, CREDENTIALS } from '../support/stsWorld';

// awsenv console against the fake STS and the fake federation endpoint: the sign-in URL (--print) for a role and for
// long-term keys, the landing page, and the failures.
const world = useConsoleWorld();

const KEYS_CONFIG = `${CONFIG}
[profile keys]
region = eu-west-1
`;
const KEYS_CREDENTIALS = `${CREDENTIALS}
[keys]
aws_access_key_id = ${ALICE.accessKeyId}
aws_secret_access_key = ${ALICE.secretAccessKey}
`;

function home() {
  const { env } = makeHome({ config: KEYS_CONFIG, credentials: KEYS_CREDENTIALS });
  return { ...env, AWS_ENDPOINT_URL_STS: world.sts().url, AWSENV_FEDERATION_ENDPOINT: world.federation().url };
}

/** The login URL's parameters, after checking it goes to the federation endpoint. */
function loginOf(stdout: string): URLSearchParams {
  expect(stdout.endsWith('\n')).toBe(true);
  const url = new URL(stdout.trim());
  expect(`${url.origin}${url.pathname}`).toBe(world.federation().url);
  return url.searchParams;
}

describe('awsenv console --print', () => {
  it("prints the sign-in URL of a role profile's session, and following it lands on the console's home", async () => {
    const result = await runCli(['console', 'partner', '--print'], { env: home() });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const login = loginOf(result.stdout);
    expect(Object.fromEntries(login)).toEqual({ Action: 'login', Issuer: 'awsenv', Destination: 'https://console.aws.amazon.com/', SigninToken: expect.any(String) });
    expect(world.federation().calls).toEqual([{ action: 'getSigninToken', status: 200, principalArn: expect.stringContaining(':assumed-role/partner/'), sessionDuration: undefined }]);
    const landing = await fetch(result.stdout.trim(), { redirect: 'follow' });
    expect(await landing.text()).toMatch(/^console for arn:aws:sts::555555555555:assumed-role\/partner\/\S+ at https:\/\/console\.aws\.amazon\.com\/$/);
  });

  it('gives long-term keys a federated user\'s session with GetFederationToken and the allow-all policy first', async () => {
    const result = await runCli(['console', 'keys', '--print', '--duration', '2h'], { env: home() });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(loginOf(result.stdout).get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    const call = world.sts().calls.find((c) => c.action === 'GetFederationToken');
    expect(call).toMatchObject({ status: 200, accessKeyId: ALICE.accessKeyId, params: { Name: 'keys', DurationSeconds: '7200', Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' } });
    // AWS allows no SessionDuration for a federated user: its length is GetFederationToken's.
    expect(world.federation().calls).toEqual([{ action: 'getSigninToken', status: 200, principalArn: 'arn:aws:sts::111111111111:federated-user/keys', sessionDuration: undefined }]);
  });

  it.each([
    { args: ['--service', 's3', '--region', 'eu-central-1'], destination: 'https://eu-central-1.console.aws.amazon.com/s3/home?region=eu-central-1' },
    { args: ['--service', 'ec2'], destination: 'https://console.aws.amazon.com/ec2/home' },
    { args: ['-r', 'us-gov-west-1'], destination: 'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1' },
    { args: ['-r', 'cn-north-1', '--service', 'iam'], destination: 'https://cn-north-1.console.amazonaws.cn/iam/home?region=cn-north-1' },
  ])('lands where $args say: $destination', async ({ args, destination }) => {
    const result = await runCli(['console', 'partner', '--print', ...args], { env: home() });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(loginOf(result.stdout).get('Destination')).toBe(destination);
  });

  it('keeps the URL and its token off stderr under --debug (runCli fails on any secret the fakes issued)', async () => {
    const result = await runCli(['console', 'keys', '--print', '--debug'], { env: home() });
    expect(result.code).toBe(0);
    const token = loginOf(result.stdout).get('SigninToken')!;
    expect(result.stderr).toContain('AWS federation: getSigninToken at');
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toContain('Destination');
  });

  it("asks for a role's console session with SessionDuration", async () => {
    const result = await runCli(['console', 'partner', '--print', '--duration', '4h'], { env: home() });
    expect(result.code).toBe(0);
    expect(world.federation().calls[0]).toMatchObject({ status: 200, sessionDuration: '14400' });
  });
});

describe('awsenv console failures', () => {
  it('refuses an MFA session before asking for a code, naming what does sign in', async () => {
    const result = await runCli(['console', 'alice', '--print'], { env: home() });
    expectCleanFailure(result, 3, 'profile "alice": its credentials are an MFA session (GetSessionToken), which cannot sign in to the console', /role profile/);
    expect(world.sts().calls).toEqual([]);
  });

  it('a federation endpoint that refuses: exit 5, what it takes', async () => {
    const result = await runCli(['console', 'partner', '--print', '--duration', '13h'], { env: home() });
    expectCleanFailure(result, 2, 'profile "partner": --duration of a console session is at most 12h for a role');
    expect(world.sts().calls).toEqual([]);
    const env = home();
    // A cached role session STS has since revoked: the endpoint refuses it.
    await runCli(['partner'], { env });
    world.sts().expireIssued();
    const refused = await runCli(['console', 'partner', '--print'], { env });
    expectCleanFailure(refused, 5, 'profile "partner": the console\'s federation endpoint refused the credentials (HTTP 400)', /--refresh/);
  });

  it.each([
    { args: ['keys', '--duration', '37h'], message: 'profile "keys": --duration of a console session is at most 36h for long-term keys (GetFederationToken)' },
    { args: ['partner', '--service', 'S3'], message: '--service "S3" is not a console service name' },
  ])('refuses $args before any call to AWS: exit 2', async ({ args, message }) => {
    expectCleanFailure(await runCli(['console', ...args, '--print'], { env: home() }), 2, message);
    expect([world.sts().calls, world.federation().calls]).toEqual([[], []]);
  });

  it('an unreachable federation endpoint: exit 6 naming it', async () => {
    const env = { ...home(), AWSENV_FEDERATION_ENDPOINT: 'http://127.0.0.1:9/federation' };
    const result = await runCli(['console', 'partner', '--print'], { env });
    expectCleanFailure(result, 6, /profile "partner": the console's federation endpoint \(http:\/\/127\.0\.0\.1:9\/federation\) cannot be reached/, /AWSENV_FEDERATION_ENDPOINT/);
  });
});
