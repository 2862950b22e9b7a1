import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startFakeSso, ssoRoleArn, ssoSessionArn, type FakeSso, type FakeSsoOptions } from '../fakes/sso';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { SSO_USER, START_URL } from './world';

export { SSO_USER, START_URL };

/**
 * The IAM Identity Center world: carol signs in to one IAM Identity Center, gets permission set AdministratorAccess in
 * account 111111111111, and from it may switch to a deploy role in another account. Both ways of writing the
 * sign-in (an [sso-session] section, or the legacy keys in the profile) name the same profiles, so every test can
 * run over both.
 */
export const SSO_REGION = 'eu-west-1';
export const SSO_ACCOUNT = '111111111111';
export const SSO_ROLE = 'AdministratorAccess';
export const DEPLOY_ROLE = 'arn:aws:iam::222222222222:role/deploy';
/** What GetCallerIdentity says for the portal's role credentials. */
export const SSO_SESSION_ARN = ssoSessionArn(SSO_ACCOUNT, SSO_ROLE, SSO_USER);

export interface SsoWorld {
  sts: FakeSts;
  sso: FakeSso;
  close(): Promise<void>;
}

/** A fake STS where the deploy role trusts the SSO role, and a fake IAM Identity Center whose credentials it accepts. */
export async function startSsoWorld(options: Partial<FakeSsoOptions> = {}): Promise<SsoWorld> {
  const sts = await startFakeSts({ users: [], roles: [{ arn: DEPLOY_ROLE, trustedPrincipals: [ssoRoleArn(SSO_ACCOUNT, SSO_ROLE)] }] });
  const sso = await startFakeSso({
    accounts: [
      { accountId: SSO_ACCOUNT, accountName: 'dev', emailAddress: 'dev@example.com', roles: [SSO_ROLE, 'ReadOnly'] },
      { accountId: '333333333333', accountName: 'prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
    ],
    userName: SSO_USER,
    sts,
    ...options,
  });
  return { sts, sso, close: async () => void (await Promise.all([sts.close(), sso.close()])) };
}

/** The environment that points the CLI (or botocore) at the fakes. */
export const endpointsOf = (world: SsoWorld): NodeJS.ProcessEnv => ({
  AWS_ENDPOINT_URL_SSO: world.sso.url,
  AWS_ENDPOINT_URL_SSO_OIDC: world.sso.url,
  AWS_ENDPOINT_URL_STS: world.sts.url,
});

const DEPLOY_PROFILE = `[profile deploy]
role_arn = ${DEPLOY_ROLE}
source_profile = dev
region = us-west-2
`;

export const SESSION_CONFIG = `[sso-session corp]
sso_start_url = ${START_URL}
sso_region = ${SSO_REGION}
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = corp
sso_account_id = ${SSO_ACCOUNT}
sso_role_name = ${SSO_ROLE}
region = eu-central-1

${DEPLOY_PROFILE}`;

/** SESSION_CONFIG signing in through the browser even where awsenv would choose a device code (a test runs in a container, without a display). */
export const BROWSER_CONFIG = SESSION_CONFIG.replace('sso_registration_scopes = sso:account:access\n', 'sso_registration_scopes = sso:account:access\nawsenv_sign_in_flow = authorization-code\n');

export const LEGACY_CONFIG = `[profile dev]
sso_start_url = ${START_URL}
sso_region = ${SSO_REGION}
sso_account_id = ${SSO_ACCOUNT}
sso_role_name = ${SSO_ROLE}
region = eu-central-1

${DEPLOY_PROFILE}`;

/** The fields the AWS CLI writes into a token file, in its order. */
const LEGACY_FIELDS = ['startUrl', 'region', 'accessToken', 'expiresAt'];
const SESSION_FIELDS = [...LEGACY_FIELDS, 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken'];

export interface SignInForm {
  /** For test names. */
  readonly kind: 'sso-session' | 'legacy';
  readonly config: string;
  /** What the AWS CLI hashes to name the token file: the sso-session's name, or the start URL. */
  readonly cacheKey: string;
  readonly tokenFields: readonly string[];
}

export const SIGN_IN_FORMS: readonly SignInForm[] = [
  { kind: 'sso-session', config: SESSION_CONFIG, cacheKey: 'corp', tokenFields: SESSION_FIELDS },
  { kind: 'legacy', config: LEGACY_CONFIG, cacheKey: START_URL, tokenFields: LEGACY_FIELDS },
];

export const SESSION_FORM = SIGN_IN_FORMS[0];
export const LEGACY_FORM = SIGN_IN_FORMS[1];

/** ~/.aws/sso/cache/<sha1 of the key>.json, where the AWS CLI keeps the token. */
export function tokenFile(home: string, cacheKey: string): string {
  return path.join(home, '.aws', 'sso', 'cache', `${crypto.createHash('sha1').update(cacheKey).digest('hex')}.json`);
}

export function readTokenFile(home: string, cacheKey: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(tokenFile(home, cacheKey), 'utf8'));
}

/** The files of ~/.aws/sso/cache other than the token: the client registration, where botocore files it. */
export function registrationFiles(home: string, cacheKey: string): Array<Record<string, unknown>> {
  const dir = path.dirname(tokenFile(home, cacheKey));
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json') && path.join(dir, name) !== tokenFile(home, cacheKey))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
}

/** The calls each service of the fake IAM Identity Center answered from `since` on, as "service Action". */
export const ssoActions = (sso: FakeSso, since = 0) => sso.calls.slice(since).map((call) => `${call.service} ${call.action}`);
