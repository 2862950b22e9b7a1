import fs from 'node:fs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { evalInBash, runCli } from '../support/cli';
import { loginApproved, startCli, userCodeOf, watchCallTimes } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import {
  DEPLOY_ROLE,
  SIGN_IN_FORMS,
  SESSION_FORM,
  SSO_ACCOUNT,
  SSO_REGION,
  SSO_ROLE,
  SSO_SESSION_ARN,
  START_URL,
  readTokenFile,
  ssoActions,
  tokenFile,
  type SignInForm,
} from '../support/ssoWorld';

// The fake's access tokens last 8 hours unless told otherwise.
const TOKEN_SECONDS = 28800;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const world = useSsoWorld();
const signedOutHome = (form: SignInForm) => world.signedOutHome(form.config);

// The calls awsenv made at the fake STS, without the GetCallerIdentity checks the tests make themselves.
const stsCalls = () => world.sts.calls.filter((call) => call.action !== 'GetCallerIdentity');

async function whoAmI(vars: Record<string, string>): Promise<string | undefined> {
  const client = new STSClient({
    region: 'us-east-1',
    endpoint: world.sts.url,
    credentials: { accessKeyId: vars.AWS_ACCESS_KEY_ID, secretAccessKey: vars.AWS_SECRET_ACCESS_KEY, sessionToken: vars.AWS_SESSION_TOKEN },
  });
  try {
    return (await client.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    client.destroy();
  }
}

describe.each(SIGN_IN_FORMS)('awsenv login, $kind profile', (form) => {
  test('prints the URL and code on stderr, waits for the approval, and files the token as the AWS CLI does', async () => {
    const { home, env } = signedOutHome(form);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    const code = await userCodeOf(cli);
    expect(cli.stderr()).toContain(`${world.sso.url}/start/device`);
    // Still waiting for the person: nothing is signed in yet.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fs.existsSync(tokenFile(home, form.cacheKey))).toBe(false);
    const approvedAt = Date.now();
    world.sso.approve(code);
    const result = await cli.result;
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);

    const file = tokenFile(home, form.cacheKey);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const token = readTokenFile(home, form.cacheKey);
    expect(Object.keys(token).sort()).toEqual([...form.tokenFields].sort());
    expect(token).toEqual(expect.objectContaining({ startUrl: START_URL, region: SSO_REGION }));
    expect(world.sso.accessTokens()).toEqual([token.accessToken]);
    expect(token.expiresAt).toMatch(ISO_UTC);
    const expiresAt = Date.parse(token.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(approvedAt / 1000) * 1000 + (TOKEN_SECONDS - 5) * 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + TOKEN_SECONDS * 1000);

    const oidc = world.sso.calls;
    expect(oidc.every((call) => call.service === 'oidc')).toBe(true);
    expect(oidc.slice(0, 2).map((call) => call.action)).toEqual(['RegisterClient', 'StartDeviceAuthorization']);
    expect(oidc[1].input.startUrl).toBe(START_URL);
    const polls = oidc.slice(2);
    expect(polls.every((call) => call.action === 'CreateToken' && call.input.grantType === 'urn:ietf:params:oauth:grant-type:device_code')).toBe(true);
    expect(polls.slice(0, -1).every((call) => call.errorCode === 'AuthorizationPendingException')).toBe(true);
    expect(polls[polls.length - 1].status).toBe(200);

    if (form.kind === 'sso-session') {
      // Registered as the AWS CLI's sso-session flow registers, so that the refresh token is there to be used.
      expect(oidc[0].input).toEqual(expect.objectContaining({ scopes: ['sso:account:access'], grantTypes: expect.arrayContaining(['refresh_token']) }));
      expect(token.clientId).toBe(oidc[1].input.clientId);
      expect(token.clientSecret).toBe(oidc[1].input.clientSecret);
      expect(token.registrationExpiresAt).toMatch(ISO_UTC);
      expect(Date.parse(token.registrationExpiresAt)).toBeGreaterThan(expiresAt);
      expect(token.refreshToken).toMatch(/^aor/);
    } else {
      expect(oidc[0].input.grantTypes).toBeUndefined();
    }
  });

  test('then awsenv dev exports the portal\'s role credentials, and a second export makes no call', async () => {
    const { home, env } = signedOutHome(form);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    const signInCalls = world.sso.calls.length;

    const first = await runCli(['dev'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['portal GetRoleCredentials']);
    expect(world.sso.calls[signInCalls].input).toEqual({ accessToken: readTokenFile(home, form.cacheKey).accessToken, accountId: SSO_ACCOUNT, roleName: SSO_ROLE });
    expect(stsCalls()).toEqual([]);

    const vars = await evalInBash(first.stdout, { AWS_PROFILE: 'stale' });
    const [issued] = world.sts.issued;
    expect(vars.AWS_ACCESS_KEY_ID).toBe(issued.accessKeyId);
    expect(vars.AWS_SECRET_ACCESS_KEY).toBe(issued.secretAccessKey);
    expect(vars.AWS_SESSION_TOKEN).toBe(issued.sessionToken);
    expect(Date.parse(vars.AWS_CREDENTIAL_EXPIRATION)).toBe(Math.floor(issued.expiration.getTime() / 1000) * 1000);
    expect(vars.AWS_REGION).toBe('eu-central-1');
    expect(vars.AWSENV_PROFILE).toBe('dev');
    expect(vars.AWS_PROFILE).toBeUndefined();
    expect(await whoAmI(vars)).toBe(SSO_SESSION_ARN);

    const second = await runCli(['dev'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(world.sso.calls.length).toBe(signInCalls + 1);
    expect(stsCalls()).toEqual([]);
  });

  test('awsenv login deploy signs in to the session of its source; deploy assumes the role with the SSO credentials', async () => {
    const { home, env } = signedOutHome(form);
    const login = await loginApproved('deploy', env, world.sso);
    expect(login.stdout).toBe('');
    expect(login.code).toBe(0);
    expect(world.sso.calls.find((call) => call.action === 'StartDeviceAuthorization')?.input.startUrl).toBe(START_URL);
    expect(readTokenFile(home, form.cacheKey).accessToken).toBe(world.sso.accessTokens()[0]);
    const signInCalls = world.sso.calls.length;

    const deploy = await runCli(['deploy'], { env });
    expect(deploy.stderr).toBe('');
    expect(deploy.code).toBe(0);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['portal GetRoleCredentials']);
    expect(world.sso.calls[signInCalls].input).toEqual(expect.objectContaining({ accountId: SSO_ACCOUNT, roleName: SSO_ROLE }));
    const [portalCredentials, roleCredentials] = world.sts.issued;
    expect(stsCalls().map((call) => call.action)).toEqual(['AssumeRole']);
    const [assume] = stsCalls();
    expect(assume.status).toBe(200);
    expect(assume.accessKeyId).toBe(portalCredentials.accessKeyId);
    expect(assume.sessionToken).toBe(portalCredentials.sessionToken);
    expect(assume.principalArn).toBe(SSO_SESSION_ARN);
    expect(assume.params.RoleArn).toBe(DEPLOY_ROLE);

    const vars = await evalInBash(deploy.stdout);
    expect(vars.AWS_ACCESS_KEY_ID).toBe(roleCredentials.accessKeyId);
    expect(vars.AWS_SECRET_ACCESS_KEY).toBe(roleCredentials.secretAccessKey);
    expect(vars.AWS_SESSION_TOKEN).toBe(roleCredentials.sessionToken);
    expect(vars.AWS_REGION).toBe('us-west-2');
    expect(vars.AWSENV_PROFILE).toBe('deploy');
    expect(await whoAmI(vars)).toMatch(/^arn:aws:sts::222222222222:assumed-role\/deploy\/awsenv-\d+$/);

    const again = await runCli(['deploy'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(deploy.stdout);
    // The SSO step was cached on the way: dev costs nothing either.
    const dev = await runCli(['dev'], { env });
    expect(dev.code).toBe(0);
    expect((await evalInBash(dev.stdout)).AWS_ACCESS_KEY_ID).toBe(portalCredentials.accessKeyId);
    expect(world.sso.calls.length).toBe(signInCalls + 1);
    expect(stsCalls()).toHaveLength(1);
  });

  test('a second login reuses the client registration and replaces the token', async () => {
    const { home, env } = signedOutHome(form);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    const firstToken = readTokenFile(home, form.cacheKey);
    const firstCalls = world.sso.calls.length;
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    const actions = ssoActions(world.sso, firstCalls);
    expect(actions).not.toContain('oidc RegisterClient');
    expect(actions[0]).toBe('oidc StartDeviceAuthorization');
    const secondToken = readTokenFile(home, form.cacheKey);
    expect(secondToken.accessToken).not.toBe(firstToken.accessToken);
    expect(Object.keys(secondToken).sort()).toEqual([...form.tokenFields].sort());
    if (form.kind === 'sso-session') expect(secondToken.clientId).toBe(firstToken.clientId);
  });
});

describe('awsenv login, when the sign-in does not happen', () => {
  test('denied in the browser: exit 4 naming the profile, nothing on stdout, no token', async () => {
    const { home, env } = signedOutHome(SESSION_FORM);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    world.sso.deny(await userCodeOf(cli));
    const result = await cli.result;
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/"dev".*denied/);
    expect(result.stderr).toContain('awsenv login dev');
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(world.sso.calls[world.sso.calls.length - 1].errorCode).toBe('AccessDeniedException');
  });

  test('the code expires before anyone approves it: exit 4 naming the profile, no token', async () => {
    const { home, env } = signedOutHome(SESSION_FORM);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    await userCodeOf(cli);
    world.sso.expireAuthorizations();
    const result = await cli.result;
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/"dev".*expired/);
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(world.sso.calls[world.sso.calls.length - 1].errorCode).toBe('ExpiredTokenException');
  });

  test('slow_down twice: each one adds 5 s to the poll interval (RFC 8628), and the sign-in still succeeds', async () => {
    const { home, env } = signedOutHome(SESSION_FORM);
    world.sso.slowDown(2);
    const watch = watchCallTimes(world.sso);
    const cli = startCli(['login', 'dev', '--no-browser'], env);
    world.sso.approve(await userCodeOf(cli));
    const result = await cli.result;
    watch.stop();
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(readTokenFile(home, SESSION_FORM.cacheKey).accessToken).toBe(world.sso.accessTokens()[0]);

    const from = watch.times.findIndex((call) => call.action === 'StartDeviceAuthorization');
    const paced = watch.times.slice(from);
    expect(paced.map((call) => `${call.action} ${call.errorCode ?? 'ok'}`)).toEqual([
      'StartDeviceAuthorization ok',
      'CreateToken SlowDownException',
      'CreateToken SlowDownException',
      'CreateToken ok',
    ]);
    // The fake asks for 1 s between polls; the time is when the test saw each call, to within ~10 ms.
    const gaps = paced.slice(1).map((call, i) => (call.at - paced[i].at) / 1000);
    const expected = [1, 6, 11];
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(expected[i] - 0.2);
      expect(gap).toBeLessThan(expected[i] + 2);
    });
  }, 45000);

  // Bug: src/providers/ssoSignIn.ts reuses the cached client registration without a fallback, and lets the SDK's
  // InvalidClientException through, which the CLI reports as "unexpected error: UnknownError ... a bug in awsenv",
  // exit 1. The registration is only a cache (shared with the AWS CLI): one the service refuses should be replaced.
  test('a cached client registration the service no longer knows is replaced, and the sign-in goes on', async () => {
    const { home, env } = signedOutHome(SESSION_FORM);
    expect((await loginApproved('dev', env, world.sso)).code).toBe(0);
    // The IAM Identity Center instance is recreated: same start URL, none of the old clients.
    await world.restart();
    const cli = startCli(['login', 'dev', '--no-browser'], { ...env, AWS_ENDPOINT_URL_SSO: world.sso.url, AWS_ENDPOINT_URL_SSO_OIDC: world.sso.url });
    // The person approves whenever a code shows; if none does, the result below says why.
    void userCodeOf(cli).then((code) => world.sso.approve(code), () => undefined);
    const result = await cli.result;
    expect(result.stderr).not.toContain('bug in awsenv');
    expect(result.code).toBe(0);
    expect(ssoActions(world.sso)).toContain('oidc RegisterClient');
    expect(readTokenFile(home, SESSION_FORM.cacheKey).accessToken).toBe(world.sso.accessTokens()[0]);
  });

  test('a profile that does not sign in with IAM Identity Center: exit 3 at once, no call', async () => {
    const { env } = world.signedOutHome(`${SESSION_FORM.config}\n[profile keys]\nrole_arn = ${DEPLOY_ROLE}\ncredential_source = Environment\n`);
    const result = await runCli(['login', 'keys', '--no-browser'], { env });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('"keys"');
    expect(world.sso.calls).toEqual([]);
  });
});
