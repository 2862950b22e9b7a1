import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { startFakeSso } from './sso';
import { DEVICE_CODE_GRANT, useFakeSso } from './ssoTestKit';

const invalidGrant = {
  name: 'InvalidGrantException',
  error: 'invalid_grant',
  error_description: 'Invalid refresh token provided',
  $metadata: expect.objectContaining({ httpStatusCode: 400 }),
};

describe(`${startFakeSso.name} refresh`, () => {
  const kit = useFakeSso();
  const listAccounts = (accessToken: string | undefined) => kit.portal().send(new ListAccountsCommand({ accessToken }));

  it('rotates: a refresh token gives a new access token and a new refresh token, and works once', async () => {
    const { registration, token } = await kit.signIn();
    const refreshed = await kit.refresh(registration, token.refreshToken);

    expect(refreshed).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800, refreshToken: expect.stringMatching(/^aor/) });
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    expect(refreshed.refreshToken).not.toBe(token.refreshToken);
    expect(kit.fake().accessTokens()).toEqual([token.accessToken, refreshed.accessToken]);
    await expect(kit.refresh(registration, token.refreshToken)).rejects.toMatchObject(invalidGrant);
    await expect(kit.refresh(registration, refreshed.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(kit.fake().calls.at(-2)).toMatchObject({
      action: 'CreateToken',
      input: { ...registration, grantType: 'refresh_token', refreshToken: token.refreshToken },
      errorCode: 'InvalidGrantException',
    });
  });

  it('refreshes after the access tokens expired, and the new one works at the portal', async () => {
    const { registration, token } = await kit.signIn();
    kit.fake().expireAccessTokens();

    expect(kit.fake().accessTokens()).toEqual([]);
    await expect(listAccounts(token.accessToken)).rejects.toMatchObject({ name: 'UnauthorizedException' });
    const refreshed = await kit.refresh(registration, token.refreshToken);
    await expect(listAccounts(refreshed.accessToken)).resolves.toMatchObject({ accountList: expect.any(Array) });
    expect(kit.fake().accessTokens()).toEqual([refreshed.accessToken]);
  });

  it('answers invalid_grant for revoked refresh tokens, and not for those issued after', async () => {
    const first = await kit.signIn();
    kit.fake().revokeRefreshTokens();
    const second = await kit.signIn();

    await expect(kit.refresh(first.registration, first.token.refreshToken)).rejects.toMatchObject(invalidGrant);
    await expect(kit.refresh(second.registration, second.token.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it.each([
    { what: 'an unknown refresh token', refreshToken: 'aor-never-issued', expected: invalidGrant },
    { what: 'no refresh token', refreshToken: undefined, expected: { name: 'InvalidRequestException', error: 'invalid_request' } },
  ])('refuses a refresh with $what', async ({ refreshToken, expected }) => {
    await expect(kit.refresh(await kit.register(), refreshToken)).rejects.toMatchObject(expected);
  });

  it("refuses another client's refresh token, and a wrong client secret", async () => {
    const { registration, token } = await kit.signIn();
    const other = await kit.register();

    await expect(kit.refresh(other, token.refreshToken)).rejects.toMatchObject(invalidGrant);
    await expect(kit.refresh({ ...registration, clientSecret: other.clientSecret }, token.refreshToken)).rejects.toMatchObject({
      name: 'InvalidClientException',
      error: 'invalid_client',
      $metadata: expect.objectContaining({ httpStatusCode: 401 }),
    });
    // Neither failure used the token up.
    await expect(kit.refresh(registration, token.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('answers invalid_client once the client secret is 90 days old', async () => {
    const { registration, token } = await kit.signIn();
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 90 * 86400_000 + 1000);
    try {
      await expect(kit.refresh(registration, token.refreshToken)).rejects.toMatchObject({ name: 'InvalidClientException' });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('issues no refresh token to a device-code-only client', async () => {
    const { token } = await kit.signIn([DEVICE_CODE_GRANT]);
    expect(token.accessToken).toBeDefined();
    expect(token.refreshToken).toBeUndefined();
  });
});

describe(`${startFakeSso.name} with issueRefreshTokens: false`, () => {
  const stingy = useFakeSso(() => ({ issueRefreshTokens: false }));

  it('issues no refresh token even to a client registered for them', async () => {
    const { token } = await stingy.signIn();
    expect(token.accessToken).toBeDefined();
    expect(token.refreshToken).toBeUndefined();
  });
});
