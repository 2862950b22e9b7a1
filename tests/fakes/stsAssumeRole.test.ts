import { AssumeRoleCommand, AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import {
  ADMIN_ROLE,
  BASE_ROLE,
  INVALID_MFA_CODE,
  Keys,
  PARTNER_EXTERNAL_ID,
  PARTNER_ROLE,
  StsTestKit,
  alice,
  bob,
  useFakeSts,
  userKeys,
} from './stsTestKit';

const kit = useFakeSts();

type Input = Partial<AssumeRoleCommandInput> & { RoleArn: string };
type Case = { caller: string; keys: (kit: StsTestKit) => Promise<Keys>; input: Input };

const aliceKeys = async () => userKeys(alice);
const bobKeys = async () => userKeys(bob);
const bobBaseSession = (k: StsTestKit) => k.assumeRole(userKeys(bob), { RoleSessionName: 'bob' });
const BOB_BASE_ARN = 'arn:aws:sts::222222222222:assumed-role/base/bob';
const withAliceCode = (RoleArn: string, TokenCode = '123456'): Input => ({ RoleArn, SerialNumber: alice.mfaSerial, TokenCode });
const CHAINING_LIMIT = 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

function assume(keys: Keys, input: Input) {
  return kit.sts(keys).send(new AssumeRoleCommand({ RoleSessionName: 'tests', ...input }));
}

describe('fake STS AssumeRole', () => {
  it.each<Case & { callerArn: string }>([
    { caller: 'an untrusted user', keys: bobKeys, input: { RoleArn: ADMIN_ROLE }, callerArn: bob.arn },
    {
      caller: 'a session of an untrusted role, even with MFA',
      keys: (k) => k.assumeRole(userKeys(bob), { RoleArn: PARTNER_ROLE, ExternalId: PARTNER_EXTERNAL_ID, RoleSessionName: 'bob' }),
      input: withAliceCode(ADMIN_ROLE),
      callerArn: 'arn:aws:sts::444444444444:assumed-role/partner/bob',
    },
    { caller: 'a user, for an unknown role', keys: aliceKeys, input: { RoleArn: `arn:aws:iam::222222222222:role/a&b<"'>` }, callerArn: alice.arn },
    { caller: 'a user without the external ID', keys: aliceKeys, input: { RoleArn: PARTNER_ROLE }, callerArn: alice.arn },
    { caller: 'a user with a wrong external ID', keys: aliceKeys, input: { RoleArn: PARTNER_ROLE, ExternalId: 'guess' }, callerArn: alice.arn },
    { caller: 'plain user keys, for a role requiring MFA', keys: aliceKeys, input: { RoleArn: ADMIN_ROLE }, callerArn: alice.arn },
    { caller: 'a role session without MFA, for a role requiring MFA', keys: bobBaseSession, input: { RoleArn: ADMIN_ROLE }, callerArn: BOB_BASE_ARN },
  ])('denies $caller', async ({ keys, input, callerArn }) => {
    await expect(assume(await keys(kit), input)).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
      $metadata: { httpStatusCode: 403 },
    });
  });

  it.each<Case & { mfa: boolean }>([
    { caller: 'a user with the external ID', keys: bobKeys, input: { RoleArn: PARTNER_ROLE, ExternalId: PARTNER_EXTERNAL_ID }, mfa: false },
    { caller: 'an MFA session, for a role requiring MFA', keys: (k) => k.mfaSession(), input: { RoleArn: ADMIN_ROLE }, mfa: true },
    { caller: 'user keys with an MFA code, for a role requiring MFA', keys: aliceKeys, input: withAliceCode(ADMIN_ROLE), mfa: true },
    {
      caller: 'a role session chained from an MFA session, for a role requiring MFA',
      keys: async (k) => k.assumeRole(await k.mfaSession()),
      input: { RoleArn: ADMIN_ROLE },
      mfa: true,
    },
    { caller: "a role session with any user's device, for a role requiring MFA", keys: bobBaseSession, input: withAliceCode(ADMIN_ROLE), mfa: true },
  ])('admits $caller', async ({ keys, input, mfa }) => {
    const answer = await assume(await keys(kit), input);

    const roleName = input.RoleArn.split('/')[1];
    expect(answer.AssumedRoleUser?.Arn).toMatch(new RegExp(`^arn:aws:sts::\\d{12}:assumed-role/${roleName}/tests$`));
    expect(kit.fake().issued.at(-1)?.identity).toMatchObject({
      arn: answer.AssumedRoleUser?.Arn,
      trustArn: input.RoleArn,
      mfaAuthenticated: mfa,
    });
  });

  it.each<Case & { message: string | RegExp }>([
    {
      caller: 'a code GetSessionToken already used',
      keys: async (k) => (await k.mfaSession('222222'), userKeys(alice)),
      input: withAliceCode(ADMIN_ROLE, '222222'),
      message: INVALID_MFA_CODE,
    },
    { caller: 'the rejected code', keys: aliceKeys, input: withAliceCode(ADMIN_ROLE, '000000'), message: INVALID_MFA_CODE },
    {
      caller: "another user's device",
      keys: bobKeys,
      input: withAliceCode(BASE_ROLE),
      message: /^MultiFactorAuthentication failed, unable to validate MFA code\./,
    },
  ])('refuses MFA with $caller', async ({ keys, input, message }) => {
    const signer = await keys(kit);

    await expect(assume(signer, input)).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringMatching(message) });
    expect(kit.fake().calls.at(-1)).toMatchObject({ action: 'AssumeRole', status: 403, errorCode: 'AccessDenied' });
  });

  it.each<Case & { error?: string }>([
    { caller: 'user keys, 12 hours of a 12-hour role', keys: aliceKeys, input: { RoleArn: BASE_ROLE, DurationSeconds: 43200 } },
    {
      caller: 'user keys, past the API maximum',
      keys: aliceKeys,
      input: { RoleArn: BASE_ROLE, DurationSeconds: 43201 },
      error: 'Member must have value less than or equal to 43200',
    },
    {
      caller: 'user keys, past the role maximum',
      keys: bobKeys,
      input: { RoleArn: PARTNER_ROLE, ExternalId: PARTNER_EXTERNAL_ID, DurationSeconds: 7200 },
      error: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    },
    { caller: 'a role session, 1 hour', keys: bobBaseSession, input: { RoleArn: BASE_ROLE, DurationSeconds: 3600 } },
    { caller: 'a role session, 2 hours', keys: bobBaseSession, input: { RoleArn: BASE_ROLE, DurationSeconds: 7200 }, error: CHAINING_LIMIT },
    {
      caller: 'an MFA session, 2 hours (AWS counts it as chaining too)',
      keys: (k) => k.mfaSession(),
      input: { RoleArn: ADMIN_ROLE, DurationSeconds: 7200 },
      error: CHAINING_LIMIT,
    },
  ])('with $caller: $error', async ({ keys, input, error }) => {
    const answer = assume(await keys(kit), input);

    if (error) {
      await expect(answer).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining(error),
        $metadata: { httpStatusCode: 400 },
      });
    } else {
      const expiration = (await answer).Credentials?.Expiration?.getTime() ?? 0;
      expect(Math.abs(expiration - Date.now() - (input.DurationSeconds ?? 0) * 1000)).toBeLessThan(5000);
    }
  });

  it.each<{ field: string; input: Partial<AssumeRoleCommandInput>; message: string }>([
    { field: 'no RoleSessionName', input: { RoleSessionName: undefined }, message: "Value null at 'roleSessionName'" },
    { field: 'a one-letter RoleSessionName', input: { RoleSessionName: 'a' }, message: "Value 'a' at 'roleSessionName'" },
    { field: 'a RoleSessionName with a space', input: { RoleSessionName: 'a b' }, message: "Value 'a b' at 'roleSessionName'" },
    { field: 'a fractional DurationSeconds', input: { DurationSeconds: 1800.5 }, message: "Value '1800.5' at 'durationSeconds'" },
  ])('refuses $field', async ({ input, message }) => {
    await expect(assume(userKeys(alice), { RoleArn: BASE_ROLE, ...input })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(new RegExp(`^1 validation error detected: ${message} failed to satisfy constraint: Member must`)),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('reports PackedPolicySize only for a request with a session policy', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

    const plain = await assume(userKeys(alice), { RoleArn: BASE_ROLE });
    const scoped = await assume(userKeys(alice), { RoleArn: BASE_ROLE, Policy: policy });

    expect(plain.PackedPolicySize).toBeUndefined();
    expect(scoped.PackedPolicySize).toBe(Math.ceil((100 * policy.length) / 2048));
  });
});
