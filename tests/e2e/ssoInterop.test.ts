import fs from 'node:fs';
import { runCli, runProcess } from '../support/cli';
import { awsCliWithEndpointVariables, testWith } from '../support/peers';
import { loginApproved } from '../support/ssoCli';
import { useSsoWorld } from '../support/ssoHooks';
import { SIGN_IN_FORMS, SESSION_FORM, SSO_SESSION_ARN, readTokenFile, ssoActions, tokenFile } from '../support/ssoWorld';

// The independent peer: botocore (the AWS CLI) must use the token awsenv files, and awsenv the one botocore files,
// both through the service-specific endpoint variables that point each at the fakes.
const awsCli = awsCliWithEndpointVariables();

async function callerArn(profile: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runProcess(awsCli.path!, ['sts', 'get-caller-identity', '--profile', profile, '--output', 'json'], { env, timeoutMs: 60000 });
  if (result.code !== 0) throw new Error(`aws sts get-caller-identity --profile ${profile} failed: ${result.stderr}`);
  return JSON.parse(result.stdout).Arn;
}

describe('the AWS CLI and awsenv share IAM Identity Center sign-ins', () => {
  const peerTest = testWith(awsCli);
  const world = useSsoWorld();

  for (const form of SIGN_IN_FORMS) peerTest(`${form.kind}: after awsenv login, botocore signs with the token awsenv wrote, without signing in`, async () => {
    const { home, env: withFakes } = world.signedOutHome(form.config);
    expect((await loginApproved('dev', withFakes, world.sso)).code).toBe(0);
    const { accessToken } = readTokenFile(home, form.cacheKey);
    const signInCalls = world.sso.calls.length;

    expect(await callerArn('dev', withFakes)).toBe(SSO_SESSION_ARN);
    expect(await callerArn('deploy', withFakes)).toMatch(/^arn:aws:sts::222222222222:assumed-role\/deploy\//);
    expect(ssoActions(world.sso, signInCalls)).toEqual(['portal GetRoleCredentials', 'portal GetRoleCredentials']);
    expect(world.sso.calls.slice(signInCalls).map((call) => call.input.accessToken)).toEqual([accessToken, accessToken]);
    // The deploy role was assumed by botocore with the SSO role session.
    expect(world.sts.calls.find((call) => call.action === 'AssumeRole')?.principalArn).toBe(SSO_SESSION_ARN);
  }, 90000);

  peerTest('sso-session: botocore refreshes a token awsenv wrote, and awsenv then uses the token botocore rewrote', async () => {
    const { home, env: withFakes } = world.signedOutHome(SESSION_FORM.config);
    expect((await loginApproved('dev', withFakes, world.sso)).code).toBe(0);
    const file = tokenFile(home, SESSION_FORM.cacheKey);
    const written = readTokenFile(home, SESSION_FORM.cacheKey);
    // Ten minutes left: inside botocore's 15-minute refresh window, outside awsenv's 5-minute one.
    const soon = new Date(Date.now() + 10 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    fs.writeFileSync(file, JSON.stringify({ ...written, expiresAt: soon }));
    const before = world.sso.calls.length;

    expect(await callerArn('dev', withFakes)).toBe(SSO_SESSION_ARN);
    expect(ssoActions(world.sso, before)).toEqual(['oidc CreateToken', 'portal GetRoleCredentials']);
    expect(world.sso.calls[before].input).toEqual(expect.objectContaining({ grantType: 'refresh_token', clientId: written.clientId, refreshToken: written.refreshToken }));
    const rewritten = readTokenFile(home, SESSION_FORM.cacheKey);
    expect(rewritten.accessToken).not.toBe(written.accessToken);
    expect(rewritten.refreshToken).not.toBe(written.refreshToken);

    const afterBotocore = world.sso.calls.length;
    const exported = await runCli(['dev'], { env: withFakes });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(ssoActions(world.sso, afterBotocore)).toEqual(['portal GetRoleCredentials']);
    expect(world.sso.calls[afterBotocore].input.accessToken).toBe(rewritten.accessToken);
  }, 90000);
});
