import type { MetadataSource } from '../../src/aws/metadataCredentials';
import type { PortalApi } from '../../src/aws/portalApi';
import type { StsApi } from '../../src/aws/stsApi';
import type { CredentialCache } from '../../src/cache/credentialCache';
import type { SsoSession, SsoStep } from '../../src/chain/types';
import type { AwsTarget } from '../../src/config/endpoints';
import type { Credentials } from '../../src/core/credentials';
import type { ProviderDeps } from '../../src/providers/providerDeps';
import { START_URL } from './world';

/** The fixed clock of every provider test; the milliseconds show where whole seconds are meant. */
export const NOW = new Date('2030-06-01T12:00:00.750Z');
export const inSeconds = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
export const MFA_CODE = '123456';
/** How long everything the fakes hand out lives. */
export const ISSUED_SECONDS = 3600;

type StsOperation = 'GetSessionToken' | 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetFederationToken';
type StsInput = Parameters<StsApi['getSessionToken']>[0] | Parameters<StsApi['assumeRole']>[0] | Parameters<StsApi['assumeRoleWithWebIdentity']>[0] | Parameters<StsApi['getFederationToken']>[0];

/** Every call a provider made, in order. */
export type Call =
  | { to: 'mfaCode'; serial: string; profile: string }
  | { to: 'sts'; target: AwsTarget; profile: string; signedBy: string; signerKind: 'keys' | 'session'; signedWith?: string }
  | { to: StsOperation; profile: string; input: StsInput }
  | { to: 'ssoPortal'; profile: string }
  | { to: 'ssoToken'; session: string; rejected?: string }
  | { to: 'GetRoleCredentials'; accessToken: string; accountId: string; roleName: string }
  | { to: 'metadataCredentials'; source: MetadataSource; profile: string };

export interface FakeProviderDeps extends ProviderDeps {
  readonly calls: Call[];
}

/** Credentials named for the call that made them, so a result shows where it came from. */
export const issued = (by: string, profile: string): Credentials => ({
  accessKeyId: `${by}:${profile}`,
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: inSeconds(ISSUED_SECONDS),
});

/**
 * ProviderDeps in memory. The portal refuses the first `ssoRefusals` access tokens; tokens are numbered in the
 * order asked ("token-1", …). `overrides` replace single members, and are not recorded.
 */
export function fakeProviderDeps(options: { ssoRefusals?: number; overrides?: Partial<ProviderDeps> } = {}): FakeProviderDeps {
  const calls: Call[] = [];
  let refusals = options.ssoRefusals ?? 0;
  let tokens = 0;
  const sessionName = (session: SsoSession) => session.name ?? session.startUrl;
  const stsApi = (profile: string): StsApi => {
    const answer = (to: StsOperation) => async (input: StsInput) => {
      calls.push({ to, profile, input });
      return issued(to, profile);
    };
    return { getSessionToken: answer('GetSessionToken'), assumeRole: answer('AssumeRole'), assumeRoleWithWebIdentity: answer('AssumeRoleWithWebIdentity'), getFederationToken: answer('GetFederationToken') };
  };
  const portal = (profile: string): PortalApi => ({
    async getRoleCredentials(accessToken, accountId, roleName) {
      calls.push({ to: 'GetRoleCredentials', accessToken, accountId, roleName });
      return refusals-- > 0 ? undefined : issued('GetRoleCredentials', profile);
    },
    listAccounts: () => Promise.reject(new Error('not faked')),
    listAccountRoles: () => Promise.reject(new Error('not faked')),
    logout: () => Promise.reject(new Error('not faked')),
  });
  return {
    calls,
    async sts(target, credentials, who) {
      calls.push({ to: 'sts', target, ...who, signedWith: credentials?.accessKeyId });
      return stsApi(who.profile);
    },
    async mfaCode(serial, profile) {
      calls.push({ to: 'mfaCode', serial, profile });
      return MFA_CODE;
    },
    async ssoToken(session, rejected) {
      calls.push({ to: 'ssoToken', session: sessionName(session), rejected });
      return `token-${++tokens}`;
    },
    async ssoPortal(_session, profile) {
      calls.push({ to: 'ssoPortal', profile });
      return portal(profile);
    },
    async metadataCredentials(source, profile) {
      calls.push({ to: 'metadataCredentials', source, profile });
      return issued(source, profile);
    },
    loginCache: () => Promise.reject(new Error('not faked')),
    signin: () => Promise.reject(new Error('not faked')),
    now: () => NOW,
    log: { debug: () => {}, warn: () => {}, notice: () => {} },
    env: {},
    ...options.overrides,
  };
}

type CacheEntry = Parameters<CredentialCache['write']>[1];

export interface FakeCache extends CredentialCache {
  readonly entries: Map<string, CacheEntry>;
  /** The keys read and written, in order. */
  readonly reads: string[];
  readonly writes: Array<{ key: string; entry: CacheEntry }>;
  /** The keys locked, with what the lock said it was for, in order; and how many were released. */
  readonly locks: Array<{ key: string; what: string }>;
  readonly released: () => number;
}

export function fakeCache(): FakeCache {
  const entries = new Map<string, CacheEntry>();
  const reads: string[] = [];
  const writes: Array<{ key: string; entry: CacheEntry }> = [];
  const locks: Array<{ key: string; what: string }> = [];
  let released = 0;
  return {
    entries,
    reads,
    writes,
    locks,
    released: () => released,
    async lock(key, what) {
      locks.push({ key, what });
      return () => void released++;
    },
    read(key) {
      reads.push(key);
      return entries.get(key)?.credentials;
    },
    write(key, entry) {
      writes.push({ key, entry });
      entries.set(key, entry);
    },
    removeWhere: () => {
      throw new Error('not faked');
    },
  };
}

/** An IAM Identity Center step of the shared world: carol's sign-in, role Developer in one account. */
export const SSO_STEP: SsoStep = {
  kind: 'sso',
  profile: 'dev',
  accountId: '333333333333',
  roleName: 'Developer',
  session: { name: 'corp', startUrl: START_URL, region: 'eu-west-1', oidc: { region: 'eu-west-1' }, portal: { region: 'eu-west-1' } },
};
