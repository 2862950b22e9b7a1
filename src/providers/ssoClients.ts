import type { AwsTarget } from '../chain/types';
import { AwsenvError } from '../errors';
import type { Credentials } from './credentials';
import type { Logger } from './deps';
import { errorMessage, errorName, isNetworkError, networkError } from './awsCallErrors';
import { callOptions, clientOptions, describeTarget } from './awsClientOptions';

export interface OidcApi {
  registerClient(input: { clientName: string; clientType: string; scopes?: string[]; grantTypes?: string[] }): Promise<{ clientId: string; clientSecret: string; clientSecretExpiresAt: number }>;
  startDeviceAuthorization(input: { clientId: string; clientSecret: string; startUrl: string }): Promise<{
    deviceCode: string;
    userCode: string;
    verificationUri: string;
    verificationUriComplete?: string;
    expiresIn: number;
    interval?: number;
  }>;
  /** Throws the SDK's own errors (AuthorizationPendingException, SlowDownException, ...) for the flow to read. */
  createToken(input: { clientId: string; clientSecret: string; grantType: string; deviceCode?: string; refreshToken?: string }): Promise<{ accessToken: string; expiresIn: number; refreshToken?: string }>;
}

export interface PortalApi {
  getRoleCredentials(accessToken: string, accountId: string, roleName: string): Promise<Credentials>;
  listAccounts(accessToken: string): Promise<Array<{ accountId: string; accountName?: string; emailAddress?: string }>>;
  listAccountRoles(accessToken: string, accountId: string): Promise<string[]>;
  logout(accessToken: string): Promise<void>;
}

/** SSO-OIDC over the SDK client, loaded on this path only. Its calls are unsigned: no credentials exist yet. */
export async function createOidcApi(target: AwsTarget, profile: string, log: Logger): Promise<OidcApi> {
  const sdk = await import('@aws-sdk/client-sso-oidc');
  const client = new sdk.SSOOIDCClient(clientOptions(target));
  const call = guarded('SSO OIDC', target, profile, log);
  return {
    registerClient: (input) => call('RegisterClient', () => client.send(new sdk.RegisterClientCommand(input), callOptions())).then((o) => ({ clientId: o.clientId!, clientSecret: o.clientSecret!, clientSecretExpiresAt: o.clientSecretExpiresAt! })),
    startDeviceAuthorization: (input) =>
      call('StartDeviceAuthorization', () => client.send(new sdk.StartDeviceAuthorizationCommand(input), callOptions())).then((o) => ({
        deviceCode: o.deviceCode!,
        userCode: o.userCode!,
        verificationUri: o.verificationUri!,
        verificationUriComplete: o.verificationUriComplete,
        expiresIn: o.expiresIn!,
        interval: o.interval,
      })),
    createToken: (input) => call('CreateToken', () => client.send(new sdk.CreateTokenCommand(input), callOptions())).then((o) => ({ accessToken: o.accessToken!, expiresIn: o.expiresIn!, refreshToken: o.refreshToken })),
  };
}

/** The SSO portal over the SDK client: role credentials, the accounts and roles a person may use, sign-out. */
export async function createPortalApi(target: AwsTarget, profile: string, log: Logger): Promise<PortalApi> {
  const sdk = await import('@aws-sdk/client-sso');
  const client = new sdk.SSOClient(clientOptions(target));
  const call = guarded('SSO', target, profile, log);
  return {
    async getRoleCredentials(accessToken, accountId, roleName) {
      const output = await call('GetRoleCredentials', () => client.send(new sdk.GetRoleCredentialsCommand({ accessToken, accountId, roleName }), callOptions()));
      const c = output.roleCredentials;
      if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || !c.expiration) {
        throw new AwsenvError('aws', `IAM Identity Center answered without usable credentials (profile "${profile}")`, { profile });
      }
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: new Date(c.expiration) };
    },
    async listAccounts(accessToken) {
      const accounts = await allPages((nextToken) => call('ListAccounts', () => client.send(new sdk.ListAccountsCommand({ accessToken, nextToken }), callOptions())), (page) => page.accountList);
      return accounts.filter((a) => a.accountId).map((a) => ({ accountId: a.accountId!, accountName: a.accountName, emailAddress: a.emailAddress }));
    },
    async listAccountRoles(accessToken, accountId) {
      const roles = await allPages((nextToken) => call('ListAccountRoles', () => client.send(new sdk.ListAccountRolesCommand({ accessToken, accountId, nextToken }), callOptions())), (page) => page.roleList);
      return roles.map((r) => r.roleName).filter((r): r is string => Boolean(r));
    },
    async logout(accessToken) {
      await call('Logout', () => client.send(new sdk.LogoutCommand({ accessToken }), callOptions()));
    },
  };
}

/** Logs each call (never the token), turns network failures into one clear error, and lets AWS's errors through. */
function guarded(service: string, target: AwsTarget, profile: string, log: Logger) {
  return async <T>(operation: string, send: () => Promise<T>): Promise<T> => {
    log.debug(`AWS call: ${service} ${operation} at ${describeTarget(target)}`);
    try {
      return await send();
    } catch (error) {
      log.debug(`AWS call failed: ${errorName(error)}: ${errorMessage(error)}`);
      if (isNetworkError(error)) throw networkError(error, service, describeTarget(target), profile);
      throw error;
    }
  };
}

/** Every item of a paginated list, following nextToken to the last page. */
async function allPages<P extends { nextToken?: string }, T>(fetch: (nextToken?: string) => Promise<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    all.push(...(items(page) ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}
