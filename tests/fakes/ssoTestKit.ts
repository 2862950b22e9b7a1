import { SSOClient } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  CreateTokenCommandOutput,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  StartDeviceAuthorizationCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { FakeSso, FakeSsoAccount, FakeSsoOptions, startFakeSso } from './sso';

import { SSO_USER, START_URL } from '../support/world';

export { START_URL };
// Spelled out rather than imported from the fake, so a typo there fails the tests.
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** What the AWS CLI's sso-session device code flow registers with; the legacy flow sends no grantTypes. */
export const SSO_SESSION_GRANTS = [DEVICE_CODE_GRANT, 'refresh_token'];
export const USER_NAME = SSO_USER;

/** Five accounts and five roles in the first: three pages of each at the default page size of 2. */
export const ACCOUNTS: FakeSsoAccount[] = [
  { accountId: '111111111111', accountName: 'dev', emailAddress: 'dev@example.com', roles: ['AdministratorAccess', 'ReadOnly', 'Billing', 'Auditor', 'Deployer'] },
  { accountId: '222222222222', accountName: 'staging', emailAddress: 'staging@example.com', roles: ['ReadOnly'] },
  { accountId: '333333333333', accountName: 'prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
  { accountId: '444444444444', accountName: 'audit', emailAddress: 'audit@example.com', roles: ['Auditor'] },
  { accountId: '555555555555', accountName: 'sandbox', emailAddress: 'sandbox@example.com', roles: ['AdministratorAccess'] },
];

export interface Registration {
  clientId: string;
  clientSecret: string;
}

export interface SsoTestKit {
  fake(): FakeSso;
  /** Real SDK clients pointed at the fake, one attempt each, so every failure is exactly one recorded call. */
  oidc(): SSOOIDCClient;
  portal(): SSOClient;
  register(grantTypes?: string[]): Promise<Registration>;
  authorize(registration: Registration): Promise<StartDeviceAuthorizationCommandOutput>;
  /** One device code poll. */
  poll(registration: Registration, deviceCode: string | undefined): Promise<CreateTokenCommandOutput>;
  refresh(registration: Registration, refreshToken: string | undefined): Promise<CreateTokenCommandOutput>;
  /** Register, authorize, approve and poll once: a person signed in. */
  signIn(grantTypes?: string[]): Promise<{ registration: Registration; token: CreateTokenCommandOutput }>;
}

/** Starts a fresh fake before each test of the calling file; `options` runs then, after earlier beforeEach hooks. */
export function useFakeSso(options: () => Partial<FakeSsoOptions> = () => ({})): SsoTestKit {
  let fake: FakeSso;
  let oidc: SSOOIDCClient;
  let portal: SSOClient;
  beforeEach(async () => {
    fake = await startFakeSso({ accounts: ACCOUNTS, userName: USER_NAME, ...options() });
    oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1 });
    portal = new SSOClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1 });
  });
  afterEach(async () => {
    oidc.destroy();
    portal.destroy();
    await fake.close();
  });

  const register = async (grantTypes: string[] | undefined = SSO_SESSION_GRANTS) => {
    const answer = await oidc.send(new RegisterClientCommand({ clientName: 'awsenv-tests', clientType: 'public', scopes: ['sso:account:access'], grantTypes }));
    if (!answer.clientId || !answer.clientSecret) throw new Error('RegisterClient answered without a client');
    return { clientId: answer.clientId, clientSecret: answer.clientSecret };
  };
  const authorize = (registration: Registration) => oidc.send(new StartDeviceAuthorizationCommand({ ...registration, startUrl: START_URL }));
  const poll = (registration: Registration, deviceCode: string | undefined) =>
    oidc.send(new CreateTokenCommand({ ...registration, grantType: DEVICE_CODE_GRANT, deviceCode }));
  return {
    fake: () => fake,
    oidc: () => oidc,
    portal: () => portal,
    register,
    authorize,
    poll,
    refresh: (registration, refreshToken) => oidc.send(new CreateTokenCommand({ ...registration, grantType: 'refresh_token', refreshToken })),
    signIn: async (grantTypes) => {
      const registration = await register(grantTypes);
      const authorization = await authorize(registration);
      fake.approve(authorization.userCode ?? '');
      return { registration, token: await poll(registration, authorization.deviceCode) };
    },
  };
}
