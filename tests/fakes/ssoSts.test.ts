process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { GetRoleCredentialsCommand, RoleCredentials } from '@aws-sdk/client-sso';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startFakeSso, ssoRoleArn, ssoSessionArn } from './sso';
import { ACCOUNTS, USER_NAME, useFakeSso } from './ssoTestKit';
import { Keys, useFakeSts } from './stsTestKit';

// Registered before the fake SSO's hooks, so its beforeEach has started the fake STS by the time the SSO's runs.
const sts = useFakeSts();
const sso = useFakeSso(() => ({ sts: sts.fake() }));
const DEV = ACCOUNTS[0];

function keysOf(credentials: RoleCredentials | undefined): Keys {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials ?? {};
  if (!accessKeyId || !secretAccessKey || !sessionToken) throw new Error('the portal answered without credentials');
  return { accessKeyId, secretAccessKey, sessionToken };
}

async function roleKeys(roleName: string): Promise<Keys> {
  const { token } = await sso.signIn();
  const answer = await sso.portal().send(new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: DEV.accountId, roleName }));
  return keysOf(answer.roleCredentials);
}

describe(`${startFakeSso.name} with a fake STS`, () => {
  it('hands out role credentials that sign GetCallerIdentity as the SSO role session', async () => {
    const keys = await roleKeys('AdministratorAccess');
    const identity = await sts.sts(keys).send(new GetCallerIdentityCommand({}));

    expect(identity).toMatchObject({
      Account: DEV.accountId,
      Arn: `arn:aws:sts::${DEV.accountId}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/${USER_NAME}`,
      UserId: expect.stringMatching(/^AROA[0-9A-F]{17}:carol@example\.com$/),
    });
    expect(identity.Arn).toBe(ssoSessionArn(DEV.accountId, 'AdministratorAccess', USER_NAME));
    expect(sts.fake().issued).toEqual([expect.objectContaining({ accessKeyId: keys.accessKeyId })]);
  });

  it('lets the SSO role switch to a role that trusts ssoRoleArn, and to no other', async () => {
    const trustArn = `arn:aws:iam::${DEV.accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef`;
    expect(ssoRoleArn(DEV.accountId, 'ReadOnly')).toBe(trustArn);
    const target = 'arn:aws:iam::222222222222:role/admin';
    const client = sts.sts(await roleKeys('ReadOnly'));

    // The fake STS's admin role requires MFA, which an SSO role session never has.
    await expect(client.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'x' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    const base = 'arn:aws:iam::222222222222:role/base';
    const answer = await client.send(new AssumeRoleCommand({ RoleArn: base, RoleSessionName: 'from-sso' }));
    expect(answer.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/base/from-sso');
    expect(sts.fake().calls.at(-1)).toMatchObject({ principalArn: ssoSessionArn(DEV.accountId, 'ReadOnly', USER_NAME), mfaAuthenticated: false });
  });

  it('shares expiry with the fake STS: expireIssued ends the SSO role credentials too', async () => {
    const keys = await roleKeys('Auditor');
    sts.fake().expireIssued();
    await expect(sts.sts(keys).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
  });
});
