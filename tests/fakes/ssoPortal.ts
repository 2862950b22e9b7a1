import { portalError, portalString } from './ssoError';
import { ssoRoleIdentity } from './ssoIdentity';
import { page } from './ssoPages';
import { newCredentials } from './stsCredentials';
import type { AccessToken, FakeSsoAccount, Input, SsoState } from './ssoTypes';

// A permission set's default session duration.
const ROLE_SESSION_SECONDS = 3600;

/** The bearer token's sign-in; the portal says the same for unknown, expired and logged-out tokens. */
function signedIn(input: Input, state: SsoState): AccessToken {
  const token = typeof input.accessToken === 'string' ? state.accessTokens.get(input.accessToken) : undefined;
  if (!token || token.expiresAt <= Date.now() || token.signIn.loggedOut) {
    throw portalError('UnauthorizedException', 'Session token not found or invalid');
  }
  return token;
}

/** ForbiddenException is not in the SDK's model; the portal answers it anyway, and the SDK names the error after it. */
function assignedAccount(accountId: string, state: SsoState): FakeSsoAccount {
  const account = state.settings.accounts.find((candidate) => candidate.accountId === accountId);
  if (!account) throw portalError('ForbiddenException', 'No access');
  return account;
}

export function getRoleCredentials(input: Input, state: SsoState) {
  signedIn(input, state);
  const roleName = portalString(input, 'roleName');
  const account = assignedAccount(portalString(input, 'accountId'), state);
  if (!account.roles.includes(roleName)) throw portalError('ForbiddenException', 'No access');
  const credentials = newCredentials(ssoRoleIdentity(account.accountId, roleName, state.settings.userName), ROLE_SESSION_SECONDS);
  state.settings.sts?.adopt(credentials);
  return {
    roleCredentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration.getTime(),
    },
  };
}

export function listAccounts(input: Input, state: SsoState) {
  signedIn(input, state);
  const accounts = state.settings.accounts.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress }));
  return page(accounts, 'accountList', 'accounts', input, state);
}

export function listAccountRoles(input: Input, state: SsoState) {
  signedIn(input, state);
  const account = assignedAccount(portalString(input, 'accountId'), state);
  const roles = account.roles.map((roleName) => ({ roleName, accountId: account.accountId }));
  return page(roles, 'roleList', `roles:${account.accountId}`, input, state);
}

/** Ends the whole sign-in: its access tokens stop working and its refresh token can no longer make new ones. */
export function logout(input: Input, state: SsoState): undefined {
  signedIn(input, state).signIn.loggedOut = true;
}
