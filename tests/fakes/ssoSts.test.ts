import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startFakeSso, ssoRoleArn, ssoSessionArn } from './sso';
import { ACCOUNTS, USER_NAME, useFakeSso } from './ssoTestKit';
import { FakeSts, startFakeSts } from './sts';

const DEV = ACCOUNTS[0];
const DEPLOY_ROLE = 'arn:aws:iam::222222222222:role/deploy';

// Started before the fake SSO's beforeEach, which hands it over, because hooks run in the order registered.
let sts: FakeSts;
let clients: STSClient[] = [];
beforeEach(async () => {
  sts = await startFakeSts({ users: [], roles: [{ arn: DEPLOY_ROLE, trustedPrincipals: [ssoRoleArn(DEV.accountId, 'Deployer')] }] });
});
afterEach(async () => {
  clients.forEach((client) => client.destroy());
  clients = [];
  await sts.close();
});
const sso = useFakeSso(() => ({ sts }));

/** A person signs in, and the portal hands out credentials for `roleName` in the dev account; an STS client signs with them. */
async function stsAs(roleName: string): Promise<STSClient> {
  const { token } = await sso.signIn();
  const { roleCredentials } = await sso.portal().send(
    new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: DEV.accountId, roleName }),
  );
  const { accessKeyId = '', secretAccessKey = '', sessionToken } = roleCredentials ?? {};
  const client = new STSClient({ region: 'us-east-1', endpoint: sts.url, credentials: { accessKeyId, secretAccessKey, sessionToken }, maxAttempts: 1 });
  clients.push(client);
  return client;
}

describe(`${startFakeSso.name} with a fake STS`, () => {
  it('hands out role credentials that sign GetCallerIdentity as the SSO role session', async () => {
    const identity = await (await stsAs('AdministratorAccess')).send(new GetCallerIdentityCommand({}));

    expect(identity).toMatchObject({
      Account: DEV.accountId,
      Arn: `arn:aws:sts::${DEV.accountId}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/${USER_NAME}`,
      UserId: expect.stringMatching(/^AROA[0-9A-F]{17}:carol@example\.com$/),
    });
    expect(identity.Arn).toBe(ssoSessionArn(DEV.accountId, 'AdministratorAccess', USER_NAME));
    expect(sts.calls).toEqual([expect.objectContaining({ action: 'GetCallerIdentity', status: 200, mfaAuthenticated: false })]);
  });

  it('lets a role that trusts ssoRoleArn be assumed from that SSO role, and from no other', async () => {
    expect(ssoRoleArn(DEV.accountId, 'Deployer')).toBe(
      `arn:aws:iam::${DEV.accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Deployer_0123456789abcdef`,
    );
    const assume = (client: STSClient) => client.send(new AssumeRoleCommand({ RoleArn: DEPLOY_ROLE, RoleSessionName: 'from-sso' }));

    const answer = await assume(await stsAs('Deployer'));
    expect(answer.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/deploy/from-sso');
    await expect(assume(await stsAs('ReadOnly'))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${ssoSessionArn(DEV.accountId, 'ReadOnly', USER_NAME)} is not authorized to perform: sts:AssumeRole on resource: ${DEPLOY_ROLE}`,
    });
  });

  it('counts as role chaining at STS: an hour at most for the next role', async () => {
    const client = await stsAs('Deployer');
    await expect(
      client.send(new AssumeRoleCommand({ RoleArn: DEPLOY_ROLE, RoleSessionName: 'long', DurationSeconds: 7200 })),
    ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('role chaining') });
  });

  it('shares expiry with the fake STS: expireIssued ends the SSO role credentials too', async () => {
    const client = await stsAs('Auditor');
    sts.expireIssued();
    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
  });
});
