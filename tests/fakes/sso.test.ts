import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { startFakeSso } from './sso';
import { DEVICE_CODE_GRANT, Registration, START_URL, useFakeSso } from './ssoTestKit';

const kit = useFakeSso();

const oidcFailure = (name: string, error: string, status = 400) => ({
  name,
  error,
  error_description: expect.any(String),
  $fault: 'client',
  $metadata: expect.objectContaining({ httpStatusCode: status }),
});

/** A device code client's loop: wait the interval, poll, back off by 5 s on slow_down (RFC 8628 §3.5). */
async function waitForToken(registration: Registration, deviceCode: string | undefined, interval: number, onPending: () => void) {
  const seen: string[] = [];
  for (;;) {
    // One "second" is 10 ms here, so the test keeps the loop's arithmetic without its wait.
    await sleep(interval * 10);
    try {
      return { token: await kit.poll(registration, deviceCode), seen, interval };
    } catch (error) {
      const name = (error as Error).name;
      seen.push(name);
      if (name === 'SlowDownException') interval += 5;
      else if (name === 'AuthorizationPendingException') onPending();
      else throw error;
    }
  }
}

describe(startFakeSso.name, () => {
  it('registers a public client for 90 days and starts a device authorization on it', async () => {
    const registered = await kit.oidc().send(
      new RegisterClientCommand({ clientName: 'awsenv', clientType: 'public', scopes: ['sso:account:access'], grantTypes: [DEVICE_CODE_GRANT] }),
    );
    const now = Date.now() / 1000;
    expect(registered.clientId).toMatch(/^[\w-]{16,}$/);
    expect(registered.clientSecret).toMatch(/^[\w-]{100,}$/);
    expect(Math.abs((registered.clientIdIssuedAt ?? 0) - now)).toBeLessThan(5);
    expect(registered.clientSecretExpiresAt).toBe((registered.clientIdIssuedAt ?? 0) + 90 * 86400);

    const authorization = await kit.authorize({ clientId: registered.clientId ?? '', clientSecret: registered.clientSecret ?? '' });
    expect(authorization).toMatchObject({
      deviceCode: expect.stringMatching(/^[\w-]{40,}$/),
      userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
      verificationUri: `${kit.fake().url}/start/device`,
      verificationUriComplete: `${kit.fake().url}/start/device?user_code=${authorization.userCode}`,
      expiresIn: 600,
      interval: 1,
    });
    expect(kit.fake().calls.map(({ service, action, status }) => ({ service, action, status }))).toEqual([
      { service: 'oidc', action: 'RegisterClient', status: 200 },
      { service: 'oidc', action: 'StartDeviceAuthorization', status: 200 },
    ]);
    expect(kit.fake().calls[1].input).toEqual({ clientId: registered.clientId, clientSecret: registered.clientSecret, startUrl: START_URL });
  });

  it('answers authorization_pending until the person approves, then tokens once', async () => {
    const registration = await kit.register();
    const { deviceCode, userCode } = await kit.authorize(registration);

    await expect(kit.poll(registration, deviceCode)).rejects.toMatchObject({
      ...oidcFailure('AuthorizationPendingException', 'authorization_pending'),
      error_description: 'Authorization is still pending',
    });
    kit.fake().approve(userCode ?? '');
    const token = await kit.poll(registration, deviceCode);

    expect(token).toMatchObject({
      accessToken: expect.stringMatching(/^aoa[\w-]{100,}$/),
      tokenType: 'Bearer',
      expiresIn: 28800,
      refreshToken: expect.stringMatching(/^aor[\w-]{100,}$/),
    });
    expect(kit.fake().accessTokens()).toEqual([token.accessToken]);
    await expect(kit.poll(registration, deviceCode)).rejects.toMatchObject(oidcFailure('InvalidGrantException', 'invalid_grant'));
    expect(kit.fake().calls.slice(2)).toEqual([
      {
        service: 'oidc',
        action: 'CreateToken',
        input: { ...registration, grantType: DEVICE_CODE_GRANT, deviceCode },
        status: 400,
        errorCode: 'AuthorizationPendingException',
      },
      expect.objectContaining({ action: 'CreateToken', status: 200 }),
      expect.objectContaining({ action: 'CreateToken', status: 400, errorCode: 'InvalidGrantException' }),
    ]);
  });

  it('answers slow_down to as many polls as asked, and a polling loop backs off through them', async () => {
    const registration = await kit.register();
    const authorization = await kit.authorize(registration);
    kit.fake().slowDown(2);

    const { token, seen, interval } = await waitForToken(registration, authorization.deviceCode, authorization.interval ?? 0, () =>
      kit.fake().approve(authorization.userCode ?? ''),
    );

    expect(seen).toEqual(['SlowDownException', 'SlowDownException', 'AuthorizationPendingException']);
    expect(interval).toBe(11);
    expect(token.accessToken).toBeDefined();
    expect(kit.fake().calls.filter((call) => call.errorCode === 'SlowDownException')).toHaveLength(2);
  });

  it('answers access_denied once the person denies, on every later poll', async () => {
    const registration = await kit.register();
    const { deviceCode, userCode } = await kit.authorize(registration);
    kit.fake().deny(userCode ?? '');

    for (let poll = 0; poll < 2; poll++) {
      await expect(kit.poll(registration, deviceCode)).rejects.toMatchObject(oidcFailure('AccessDeniedException', 'access_denied'));
    }
    expect(kit.fake().accessTokens()).toEqual([]);
  });

  it.each([
    { when: 'expireAuthorizations', approved: false, expire: () => kit.fake().expireAuthorizations() },
    { when: 'expireAuthorizations, even once approved', approved: true, expire: () => kit.fake().expireAuthorizations() },
    { when: 'expiresIn has passed', approved: true, expire: () => jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 601_000) },
  ])('answers expired_token after $when', async ({ approved, expire }) => {
    const registration = await kit.register();
    const { deviceCode, userCode } = await kit.authorize(registration);
    if (approved) kit.fake().approve(userCode ?? '');
    expire();
    try {
      await expect(kit.poll(registration, deviceCode)).rejects.toMatchObject(oidcFailure('ExpiredTokenException', 'expired_token'));
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('lets the first poll through with autoApprove, without a refresh token for a legacy client', async () => {
    const eager = await startFakeSso({ accounts: [], autoApprove: true });
    const client = new SSOOIDCClient({ region: 'us-east-1', endpoint: eager.url, maxAttempts: 1 });
    try {
      const { clientId, clientSecret } = await client.send(new RegisterClientCommand({ clientName: 'legacy', clientType: 'public' }));
      const { deviceCode } = await client.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: START_URL }));
      const token = await client.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode }));

      expect(token).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });
      expect(token.refreshToken).toBeUndefined();
      expect(eager.callCount('CreateToken')).toBe(1);
    } finally {
      client.destroy();
      await eager.close();
    }
  });

  it.each<{ failure: string; send: () => Promise<unknown>; name: string; error: string; status?: number }>([
    {
      failure: 'a confidential client',
      send: () => kit.oidc().send(new RegisterClientCommand({ clientName: 'awsenv', clientType: 'confidential' })),
      name: 'InvalidClientMetadataException',
      error: 'invalid_client_metadata',
    },
    {
      failure: 'a device authorization with a wrong client secret',
      send: async () => kit.authorize({ ...(await kit.register()), clientSecret: 'guess' }),
      name: 'InvalidClientException',
      error: 'invalid_client',
      status: 401,
    },
    {
      failure: 'a grant type SSO-OIDC does not have',
      send: async () => kit.oidc().send(new CreateTokenCommand({ ...(await kit.register()), grantType: 'password' })),
      name: 'UnsupportedGrantTypeException',
      error: 'unsupported_grant_type',
    },
    {
      failure: "a device code polled by another client than the one it was issued to",
      send: async () => {
        const { deviceCode, userCode } = await kit.authorize(await kit.register());
        kit.fake().approve(userCode ?? '');
        return kit.poll(await kit.register(), deviceCode);
      },
      name: 'InvalidGrantException',
      error: 'invalid_grant',
    },
    {
      failure: 'a refresh by a client registered without the refresh_token grant',
      send: async () => kit.refresh(await kit.register([DEVICE_CODE_GRANT]), 'aor-anything'),
      name: 'UnauthorizedClientException',
      error: 'unauthorized_client',
    },
  ])('refuses $failure with $name', async ({ send, name, error, status = 400 }) => {
    await expect(send()).rejects.toMatchObject(oidcFailure(name, error, status));
    expect(kit.fake().calls.at(-1)).toMatchObject({ status, errorCode: name });
  });
});
