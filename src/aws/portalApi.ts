import type { AwsTarget } from '../config/endpoints';
import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';
import type { Logger } from '../core/logger';
import { z } from 'zod/v3';
import { clientOptions, describeTarget } from './clientOptions';
import { errorMessage, errorName } from './sdkErrorFields';
import { sdkAttempt, sdkCall } from './sdkErrors';
import { readAnswer } from './readAnswer';

export interface Account {
  readonly accountId: string;
  readonly accountName?: string;
  readonly emailAddress?: string;
}

/** The IAM Identity Center portal: role credentials, the accounts and roles a person may use, sign-out. */
/** An AWS account id, and IAM's characters for a role (permission set) name. */
const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export interface PortalApi {
  /** undefined when the portal refuses the access token (signed out elsewhere, revoked), though it looked valid. */
  getRoleCredentials(accessToken: string, accountId: string, roleName: string): Promise<Credentials | undefined>;
  listAccounts(accessToken: string): Promise<Account[]>;
  listAccountRoles(accessToken: string, accountId: string): Promise<string[]>;
  /** Signing out a token the portal no longer accepts succeeds: it is signed out already. */
  logout(accessToken: string): Promise<void>;
}

const TOKEN_REFUSED = 'UnauthorizedException';
const NOT_GIVEN = new Set(['ForbiddenException', 'ResourceNotFoundException']);

// The portal always sends all four; the expiration in milliseconds since the epoch.
const roleCredentials = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1),
  expiration: z.number().finite(),
});

/** The SSO portal over the SDK client, loaded on this path only. */
export async function createPortalApi(target: AwsTarget, profile: string, log: Logger, timeoutMs: number): Promise<PortalApi> {
  const sdk = await import('@aws-sdk/client-sso');
  const client = new sdk.SSOClient(clientOptions(target));
  const endpoint = describeTarget(target);
  const at = (operation: string) => ({ service: 'SSO', operation, endpoint, profile, log, timeoutMs });
  const refused = (operation: string) => (error: unknown) => portalRefused(operation, error, profile);
  return {
    async getRoleCredentials(accessToken, accountId, roleName) {
      const r = await sdkAttempt(at('GetRoleCredentials'), (o) => client.send(new sdk.GetRoleCredentialsCommand({ accessToken, accountId, roleName }), o), (error) =>
        NOT_GIVEN.has(errorName(error))
          ? new AwsenvError('aws', `IAM Identity Center does not give role ${roleName} in account ${accountId} to this sign-in`, {
              profile,
              hint: 'Check sso_account_id and sso_role_name; "awsenv sso profiles" lists what you can use.',
              cause: error,
            })
          : portalRefused('GetRoleCredentials', error, profile),
      );
      if ('refusal' in r) {
        if (r.refusal === TOKEN_REFUSED) return undefined;
        throw r.error;
      }
      const c = readAnswer(at('GetRoleCredentials'), r.output, r.output.roleCredentials, roleCredentials, 'usable credentials');
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: new Date(c.expiration) };
    },
    async listAccounts(accessToken) {
      const accounts = await allPages((nextToken) => sdkCall(at('ListAccounts'), (o) => client.send(new sdk.ListAccountsCommand({ accessToken, nextToken }), o), refused('ListAccounts')), (page) => page.accountList);
      // What comes back may be written into the config file (sso profiles --write): only an account id AWS could
      // have sent passes, never text that could become a line of its own.
      return accounts.filter((a) => ACCOUNT_ID.test(a.accountId ?? '')).map((a) => ({ accountId: a.accountId!, accountName: a.accountName, emailAddress: a.emailAddress }));
    },
    async listAccountRoles(accessToken, accountId) {
      const roles = await allPages((nextToken) => sdkCall(at('ListAccountRoles'), (o) => client.send(new sdk.ListAccountRolesCommand({ accessToken, accountId, nextToken }), o), refused('ListAccountRoles')), (page) => page.roleList);
      return roles.map((r) => r.roleName).filter((r): r is string => ROLE_NAME.test(r ?? ''));
    },
    async logout(accessToken) {
      const r = await sdkAttempt(at('Logout'), (o) => client.send(new sdk.LogoutCommand({ accessToken }), o), refused('Logout'));
      if ('refusal' in r && r.refusal !== TOKEN_REFUSED) throw r.error;
    },
  };
}

function portalRefused(operation: string, error: unknown, profile: string): AwsenvError {
  const name = errorName(error);
  if (name === TOKEN_REFUSED) {
    return new AwsenvError('interaction', 'IAM Identity Center refused the sign-in', { profile, hint: `Run "awsenv login ${profile}".`, cause: error });
  }
  const said = errorMessage(error);
  return new AwsenvError('aws', `IAM Identity Center ${operation} failed: ${name}${said && said !== name ? `: ${said}` : ''}`, { profile, cause: error });
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
