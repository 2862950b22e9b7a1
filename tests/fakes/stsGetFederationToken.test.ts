import { GetCallerIdentityCommand, GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { alice, keysOf, useFakeSts, userKeys } from './stsTestKit';

const kit = useFakeSts();
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

describe('fake STS GetFederationToken', () => {
  it("gives an IAM user's keys a federated user's session that signs as the federated user", async () => {
    const answer = await kit.sts(userKeys(alice)).send(new GetFederationTokenCommand({ Name: 'alice', Policy: POLICY, DurationSeconds: 3600 }));
    expect(answer.FederatedUser).toEqual({ FederatedUserId: '111111111111:alice', Arn: 'arn:aws:sts::111111111111:federated-user/alice' });
    const issued = kit.fake().issued[0];
    expect(issued).toMatchObject({ accessKeyId: answer.Credentials?.AccessKeyId, identity: { temporary: true, federatedPolicy: POLICY } });
    expect(issued.expiration.getTime() - Date.now()).toBeGreaterThan(3500 * 1000);
    const who = await kit.sts(keysOf(answer.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::111111111111:federated-user/alice');
  });

  it('refuses session credentials', async () => {
    await expect(kit.sts(await kit.mfaSession()).send(new GetFederationTokenCommand({ Name: 'alice', Policy: POLICY }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetFederationToken with session credentials',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it.each(['a', 'x'.repeat(33), 'a b'])('refuses the name %j', async (name) => {
    await expect(kit.sts(userKeys(alice)).send(new GetFederationTokenCommand({ Name: name }))).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } });
  });
});
