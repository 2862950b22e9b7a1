import { AssumeRoleCommand, AssumeRoleCommandInput, Credentials, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { ALICE, BOB } from '../support/world';
import { FakeSts, FakeStsOptions, FakeUser, startFakeSts } from './sts';

export const alice: FakeUser = ALICE;
export const bob: FakeUser = BOB;

/** Anyone may assume it, for up to 12 hours: the first hop of a role chain. */
export const BASE_ROLE = 'arn:aws:iam::222222222222:role/base';
export const ADMIN_ROLE = 'arn:aws:iam::222222222222:role/admin';
export const PARTNER_ROLE = 'arn:aws:iam::444444444444:role/partner';
export const PARTNER_EXTERNAL_ID = 'partner-ext-id';
/** Trusts GitHub Actions runs of octo-org/octo-repo asking for sts.amazonaws.com, and no IAM principal. */
export const CI_ROLE = 'arn:aws:iam::333333333333:role/ci';

export const INVALID_MFA_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function userKeys(user: FakeUser): Keys {
  return { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey };
}

export function keysOf(credentials: Credentials | undefined): Keys {
  const { AccessKeyId, SecretAccessKey, SessionToken } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) throw new Error('STS answered without credentials');
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
}

export interface StsTestKit {
  fake(): FakeSts;
  /** A real SDK client pointed at the fake, destroyed after the test; without keys it can only make unsigned calls. */
  sts(keys?: Keys): STSClient;
  /** Alice's GetSessionToken session, proven with `code`. */
  mfaSession(code?: string): Promise<Keys>;
  assumeRole(keys: Keys, input?: Partial<AssumeRoleCommandInput>): Promise<Keys>;
}

/**
 * Starts a fresh fake with alice, bob and the four roles before each test of the calling file; `options` runs then,
 * after earlier beforeEach hooks, and its fields replace the defaults.
 */
export function useFakeSts(options: () => Partial<FakeStsOptions> = () => ({})): StsTestKit {
  let fake: FakeSts;
  let clients: STSClient[] = [];
  beforeEach(async () => {
    fake = await startFakeSts({
      users: [alice, bob],
      roles: [
        { arn: BASE_ROLE, maxSessionDuration: 43200 },
        { arn: ADMIN_ROLE, requireMfa: true, trustedPrincipals: [alice.arn, BASE_ROLE], maxSessionDuration: 43200 },
        { arn: PARTNER_ROLE, externalId: PARTNER_EXTERNAL_ID },
        {
          arn: CI_ROLE,
          trustedPrincipals: [],
          webIdentity: { issuer: 'https://token.actions.githubusercontent.com', audience: 'sts.amazonaws.com', subject: 'repo:octo-org/octo-repo:*' },
          maxSessionDuration: 7200,
        },
      ],
      ...options(),
    });
  });
  afterEach(async () => {
    clients.forEach((client) => client.destroy());
    clients = [];
    await fake.close();
  });

  const sts = (keys?: Keys) => {
    // One attempt, so every failure is exactly one recorded call.
    const client = new STSClient({ region: 'us-east-1', endpoint: fake.url, credentials: keys, maxAttempts: 1 });
    clients.push(client);
    return client;
  };
  return {
    fake: () => fake,
    sts,
    mfaSession: async (code = '123456') => {
      const answer = await sts(userKeys(alice)).send(new GetSessionTokenCommand({ SerialNumber: alice.mfaSerial, TokenCode: code }));
      return keysOf(answer.Credentials);
    },
    assumeRole: async (keys, input = {}) => {
      const answer = await sts(keys).send(new AssumeRoleCommand({ RoleArn: BASE_ROLE, RoleSessionName: 'tests', ...input }));
      return keysOf(answer.Credentials);
    },
  };
}
