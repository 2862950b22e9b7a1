import { AssumeRoleCommand, type AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { BASE_ROLE, bob, useFakeSts, userKeys, type Keys } from './stsTestKit';

const kit = useFakeSts();

function assume(keys: Keys, input: Partial<AssumeRoleCommandInput>) {
  return kit.sts(keys).send(new AssumeRoleCommand({ RoleArn: BASE_ROLE, RoleSessionName: 'tests', ...input }));
}

describe('fake STS session tags', () => {
  test('records the tags and transitive keys on the role session, and the raw members in the call log', async () => {
    await assume(userKeys(bob), { Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: '' }], TransitiveTagKeys: ['team'] });

    expect(kit.fake().issued.at(-1)?.identity).toMatchObject({ sessionTags: { team: 'web', env: '' }, transitiveTagKeys: ['team'] });
    expect(kit.fake().calls.at(-1)?.params).toMatchObject({ 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'web', 'Tags.member.2.Key': 'env', 'TransitiveTagKeys.member.1': 'team' });
  });

  test('a role chained from a tagged session carries its transitive tags, and only those', async () => {
    const first = await assume(userKeys(bob), { Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'prod' }], TransitiveTagKeys: ['team'] });
    const session = { accessKeyId: first.Credentials!.AccessKeyId!, secretAccessKey: first.Credentials!.SecretAccessKey!, sessionToken: first.Credentials!.SessionToken! };

    await assume(session, { Tags: [{ Key: 'step', Value: '2' }] });

    expect(kit.fake().issued.at(-1)?.identity).toMatchObject({ sessionTags: { team: 'web', step: '2' }, transitiveTagKeys: ['team'] });
    await expect(assume(session, { Tags: [{ Key: 'Team', Value: 'other' }] })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  test('no tags: the session has none', async () => {
    await assume(userKeys(bob), {});
    expect(kit.fake().issued.at(-1)?.identity.sessionTags).toBeUndefined();
  });

  test.each<[string, Partial<AssumeRoleCommandInput>, string]>([
    ['a transitive key that is not a tag', { Tags: [{ Key: 'team', Value: 'web' }], TransitiveTagKeys: ['env'] }, 'InvalidParameterValue'],
    ['a key twice, in any case', { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'TEAM', Value: 'b' }] }, 'InvalidParameterValue'],
    ['an empty key', { Tags: [{ Key: '', Value: 'a' }] }, 'ValidationError'],
    ['51 tags', { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }, 'ValidationError'],
  ])('refuses %s', async (_why, input, name) => {
    await expect(assume(userKeys(bob), input)).rejects.toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
  });
});
