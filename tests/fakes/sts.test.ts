import { AssumeRoleCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { startFakeSts } from './sts';
import { ADMIN_ROLE, Keys, StsTestKit, alice, bob, keysOf, useFakeSts, userKeys } from './stsTestKit';

const kit = useFakeSts();

describe(startFakeSts.name, () => {
  it('issues an MFA session whose keys then sign AssumeRole', async () => {
    const session = await kit.mfaSession();
    const answer = await kit.sts(session).send(
      new AssumeRoleCommand({ RoleArn: ADMIN_ROLE, RoleSessionName: 'alice-admin', SourceIdentity: 'alice' }),
    );

    expect(answer.AssumedRoleUser).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[0-9A-F]{17}:alice-admin$/),
      Arn: 'arn:aws:sts::222222222222:assumed-role/admin/alice-admin',
    });
    expect(answer.SourceIdentity).toBe('alice');
    expect(kit.fake().callCount()).toBe(2);
    expect(kit.fake().callCount('AssumeRole')).toBe(1);
    expect(kit.fake().calls[0]).toMatchObject({
      action: 'GetSessionToken',
      params: { SerialNumber: alice.mfaSerial, TokenCode: '123456' },
      accessKeyId: alice.accessKeyId,
      principalArn: alice.arn,
      mfaAuthenticated: false,
      status: 200,
      issuedAccessKeyId: session.accessKeyId,
    });
    expect(kit.fake().calls[1]).toMatchObject({
      action: 'AssumeRole',
      accessKeyId: session.accessKeyId,
      sessionToken: session.sessionToken,
      principalArn: alice.arn,
      mfaAuthenticated: true,
      status: 200,
      issuedAccessKeyId: answer.Credentials?.AccessKeyId,
    });
  });

  it.each([
    { durationSeconds: undefined, expected: 43200 },
    { durationSeconds: 900, expected: 900 },
    { durationSeconds: 129600, expected: 129600 },
  ])('issues AWS-shaped credentials lasting $expected s for DurationSeconds $durationSeconds', async ({ durationSeconds, expected }) => {
    const { Credentials: credentials } = await kit.sts(userKeys(bob)).send(new GetSessionTokenCommand({ DurationSeconds: durationSeconds }));

    expect(credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials?.SecretAccessKey).toMatch(/^(?=.*\/)(?=.*\+)[A-Za-z0-9/+]{40}$/);
    expect(credentials?.SessionToken).toMatch(/^[A-Za-z0-9/+=]{400,}$/);
    expect(Math.abs((credentials?.Expiration?.getTime() ?? 0) - Date.now() - expected * 1000)).toBeLessThan(5000);
    expect(kit.fake().issued).toEqual([
      expect.objectContaining({ accessKeyId: credentials?.AccessKeyId, expiration: credentials?.Expiration }),
    ]);
  });

  it('answers ExpiredToken for everything issued before expireIssued, and nothing else', async () => {
    const session = await kit.mfaSession('111111');
    const role = await kit.assumeRole(session);
    await kit.sts(role).send(new GetCallerIdentityCommand({}));

    kit.fake().expireIssued();

    for (const expired of [session, role]) {
      await expect(kit.sts(expired).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        $metadata: { httpStatusCode: 403 },
      });
    }
    const fresh = await kit.mfaSession('222222');
    await expect(kit.sts(fresh).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: alice.arn });
  });

  it('answers ExpiredToken once Expiration has passed', async () => {
    const { Credentials: credentials } = await kit.sts(userKeys(bob)).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const expiresAt = credentials?.Expiration?.getTime() ?? 0;
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt + 1000);
    try {
      await expect(kit.sts(keysOf(credentials)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it.each<{ caller: string; keys: (kit: StsTestKit) => Promise<Keys>; userId: RegExp; account: string; arn: string }>([
    { caller: 'long-term keys', keys: async () => userKeys(alice), userId: /^AIDA[0-9A-F]{17}$/, account: '111111111111', arn: alice.arn },
    { caller: 'a GetSessionToken session', keys: (k) => k.mfaSession(), userId: /^AIDA[0-9A-F]{17}$/, account: '111111111111', arn: alice.arn },
    {
      caller: 'a role session',
      keys: async (k) => k.assumeRole(userKeys(bob), { RoleSessionName: 'bob@example.com' }),
      userId: /^AROA[0-9A-F]{17}:bob@example\.com$/,
      account: '222222222222',
      arn: 'arn:aws:sts::222222222222:assumed-role/base/bob@example.com',
    },
  ])('GetCallerIdentity reports who signed with $caller', async ({ keys, userId, account, arn }) => {
    const answer = await kit.sts(await keys(kit)).send(new GetCallerIdentityCommand({}));

    expect(answer).toMatchObject({ UserId: expect.stringMatching(userId), Account: account, Arn: arn });
  });

  it('answers InvalidAction for actions it does not implement', async () => {
    await expect(kit.sts(userKeys(alice)).send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.accessKeyId }))).rejects.toMatchObject({
      name: 'InvalidAction',
      $metadata: { httpStatusCode: 400 },
    });
    expect(kit.fake().calls).toEqual([expect.objectContaining({ action: 'GetAccessKeyInfo', errorCode: 'InvalidAction' })]);
  });

  it('holds every answer back by delayMs, long enough for a client timeout to fire', async () => {
    const slow = await startFakeSts({ users: [alice], roles: [], delayMs: 400 });
    const patient = new STSClient({ region: 'us-east-1', endpoint: slow.url, credentials: userKeys(alice) });
    const hasty = new STSClient({
      region: 'us-east-1',
      endpoint: slow.url,
      credentials: userKeys(alice),
      maxAttempts: 1,
      // Without throwOnRequestTimeout the SDK only logs a warning and keeps waiting.
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    try {
      const started = Date.now();
      await patient.send(new GetCallerIdentityCommand({}));
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      await expect(hasty.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      [patient, hasty].forEach((client) => client.destroy());
      await slow.close();
    }
  });
});
