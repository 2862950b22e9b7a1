import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
} from '@aws-sdk/client-sso';
import { startFakeSso } from './sso';
import { ACCOUNTS, useFakeSso } from './ssoTestKit';

const kit = useFakeSso();

const DEV = ACCOUNTS[0];
const getRoleCredentials = (accessToken: string | undefined, accountId = DEV.accountId, roleName = 'ReadOnly') =>
  kit.portal().send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
const unauthorized = {
  name: 'UnauthorizedException',
  message: 'Session token not found or invalid',
  $metadata: expect.objectContaining({ httpStatusCode: 401 }),
};

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe(`${startFakeSso.name} portal`, () => {
  it('hands out an hour of AWS-shaped role credentials for an assigned role', async () => {
    const { token } = await kit.signIn();
    const { roleCredentials } = await getRoleCredentials(token.accessToken);

    expect(roleCredentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
      secretAccessKey: expect.stringMatching(/^[A-Za-z0-9/+]{40}$/),
      sessionToken: expect.stringMatching(/^[A-Za-z0-9/+=]{400,}$/),
      expiration: expect.any(Number),
    });
    expect(Math.abs((roleCredentials?.expiration ?? 0) - Date.now() - 3600_000)).toBeLessThan(5000);
    expect(kit.fake().calls.at(-1)).toEqual({
      service: 'portal',
      action: 'GetRoleCredentials',
      input: { accessToken: token.accessToken, accountId: DEV.accountId, roleName: 'ReadOnly' },
      status: 200,
    });
  });

  it.each<{ token: string; spoil: (accessToken: string) => Promise<unknown> | void }>([
    { token: 'unknown', spoil: () => undefined },
    { token: 'expired by expireAccessTokens', spoil: () => kit.fake().expireAccessTokens() },
    { token: 'past its expiresIn', spoil: () => void jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 28801_000) },
    { token: 'logged out', spoil: (accessToken) => kit.portal().send(new LogoutCommand({ accessToken })) },
  ])('answers UnauthorizedException to every operation for a token $token', async ({ token: kind, spoil }) => {
    const { token } = await kit.signIn();
    const accessToken = kind === 'unknown' ? 'aoa-never-issued' : (token.accessToken ?? '');
    await spoil(accessToken);
    try {
      await expect(getRoleCredentials(accessToken)).rejects.toMatchObject(unauthorized);
      await expect(kit.portal().send(new ListAccountsCommand({ accessToken }))).rejects.toMatchObject(unauthorized);
      await expect(kit.portal().send(new ListAccountRolesCommand({ accessToken, accountId: DEV.accountId }))).rejects.toMatchObject(unauthorized);
      await expect(kit.portal().send(new LogoutCommand({ accessToken }))).rejects.toMatchObject(unauthorized);
    } finally {
      jest.restoreAllMocks();
    }
    expect(kit.fake().calls.slice(-4).map((call) => [call.service, call.status, call.errorCode])).toEqual(
      Array(4).fill(['portal', 401, 'UnauthorizedException']),
    );
  });

  it('ends the whole sign-in on Logout: its refresh token fails too, other sign-ins go on', async () => {
    const mine = await kit.signIn();
    const theirs = await kit.signIn();
    await kit.portal().send(new LogoutCommand({ accessToken: mine.token.accessToken }));

    expect(kit.fake().accessTokens()).toEqual([theirs.token.accessToken]);
    await expect(kit.refresh(mine.registration, mine.token.refreshToken)).rejects.toMatchObject({ name: 'InvalidGrantException' });
    await expect(getRoleCredentials(theirs.token.accessToken)).resolves.toHaveProperty('roleCredentials');
  });

  it.each([
    { what: 'a role not assigned in the account', accountId: ACCOUNTS[1].accountId, roleName: 'AdministratorAccess' },
    { what: 'an account not assigned at all', accountId: '999999999999', roleName: 'ReadOnly' },
  ])('answers ForbiddenException "No access" for $what', async ({ accountId, roleName }) => {
    const { token } = await kit.signIn();
    await expect(getRoleCredentials(token.accessToken, accountId, roleName)).rejects.toMatchObject({
      name: 'ForbiddenException',
      message: 'No access',
      $metadata: expect.objectContaining({ httpStatusCode: 403 }),
    });
  });

  it('pages through every account, two at a time, with the SDK paginator', async () => {
    const { token } = await kit.signIn();
    const pages = await collect(paginateListAccounts({ client: kit.portal() }, { accessToken: token.accessToken }));

    expect(pages.map((page) => page.accountList?.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.accountList)).toEqual(
      ACCOUNTS.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })),
    );
    const listCalls = kit.fake().calls.filter((call) => call.action === 'ListAccounts');
    expect(listCalls.map((call) => call.input.nextToken)).toEqual([undefined, pages[0].nextToken, pages[1].nextToken]);
  });

  it("pages through an account's roles, honouring maxResults", async () => {
    const { token } = await kit.signIn();
    const input = { accessToken: token.accessToken, accountId: DEV.accountId };
    // Copies: the paginator writes each nextToken into the input object it was given.
    const twoAtATime = await collect(paginateListAccountRoles({ client: kit.portal() }, { ...input }));
    const threeAtATime = await collect(paginateListAccountRoles({ client: kit.portal(), pageSize: 3 }, { ...input }));

    const expected = DEV.roles.map((roleName) => ({ roleName, accountId: DEV.accountId }));
    expect(twoAtATime.flatMap((page) => page.roleList)).toEqual(expected);
    expect(threeAtATime.map((page) => page.roleList?.length)).toEqual([3, 2]);
    expect(threeAtATime.flatMap((page) => page.roleList)).toEqual(expected);
    expect(kit.fake().calls.at(-1)?.input).toMatchObject({ maxResults: 3, accountId: DEV.accountId });
  });

  it("refuses one list's nextToken for another", async () => {
    const { token } = await kit.signIn();
    const { nextToken } = await kit.portal().send(new ListAccountRolesCommand({ accessToken: token.accessToken, accountId: DEV.accountId }));

    expect(nextToken).toBeDefined();
    await expect(kit.portal().send(new ListAccountsCommand({ accessToken: token.accessToken, nextToken }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });
});
