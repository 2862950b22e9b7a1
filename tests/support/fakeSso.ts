import type { ClientRegistration, DeviceAuthorization, DevicePoll, IssuedToken, OidcApi } from '../../src/aws/oidcApi';
import { registrationFileName, tokenFileName } from '../../src/cache/ssoCacheFiles';
import type { Registration, SsoCache, SsoToken } from '../../src/cache/ssoTokenCache';
import type { SsoSession } from '../../src/chain/types';
import { isoSeconds } from '../../src/core/time';
import { START_URL } from './world';

export const namedSession: SsoSession = {
  name: 'corp',
  startUrl: START_URL,
  region: 'eu-west-1',
  oidc: { region: 'eu-west-1' },
  portal: { region: 'eu-west-1' },
};

/** A profile with sso_start_url of its own: its token is filed by start URL and never gets a refresh token. */
export const legacySession: SsoSession = { ...namedSession, name: undefined };

/** A clock that only moves when the code under test sleeps (or the test says so); every sleep is recorded. */
export function fakeClock(start = '2025-06-01T12:00:00Z') {
  let ms = Date.parse(start);
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(ms),
    sleep: async (wait: number) => {
      sleeps.push(wait);
      ms += wait;
    },
    /** The AWS form of the time this many seconds from now. */
    iso: (seconds: number) => isoSeconds(new Date(ms + seconds * 1000)),
  };
}

export type FakeClock = ReturnType<typeof fakeClock>;

/** An sso-session token that can be refreshed, ending `seconds` from the clock's now. */
export const refreshableToken = (clock: FakeClock, seconds: number, overrides: Partial<SsoToken> = {}): SsoToken => ({
  startUrl: namedSession.startUrl,
  region: namedSession.region,
  accessToken: 'access-1',
  expiresAt: clock.iso(seconds),
  clientId: 'client-1',
  clientSecret: 'secret-1',
  registrationExpiresAt: clock.iso(90 * 24 * 3600),
  refreshToken: 'refresh-1',
  ...overrides,
});

/** The SSO cache in memory, filed under the real file names; `arriveAfter` plays another process writing a token. */
export function memorySsoCache(seed: { token?: SsoToken; registration?: Registration; session?: SsoSession } = {}) {
  const session = seed.session ?? namedSession;
  const tokens = new Map<string, SsoToken>();
  const registrations = new Map<string, Registration>();
  if (seed.token) tokens.set(tokenFileName(session), seed.token);
  if (seed.registration) registrations.set(registrationFileName(session), seed.registration);
  const tokenWrites: SsoToken[] = [];
  const registrationWrites: Registration[] = [];
  let tokenReads = 0;
  const locks: string[] = [];
  let released = 0;
  let arrival: { afterReads: number; token: SsoToken } | undefined;
  const cache: SsoCache = {
    readToken(s) {
      tokenReads++;
      if (arrival && tokenReads > arrival.afterReads) tokens.set(tokenFileName(s), arrival.token);
      return tokens.get(tokenFileName(s));
    },
    writeToken(s, token) {
      tokenWrites.push(token);
      tokens.set(tokenFileName(s), token);
    },
    removeToken: (s) => tokens.delete(tokenFileName(s)),
    listTokens: () => [...tokens].map(([file, token]) => ({ file, token })),
    removeTokenFile: (file) => void tokens.delete(file),
    removeStaleTemps: () => undefined,
    readRegistration: (s) => registrations.get(registrationFileName(s)),
    writeRegistration(s, registration) {
      registrationWrites.push(registration);
      registrations.set(registrationFileName(s), registration);
    },
    async lock(_s, what) {
      locks.push(what);
      return () => void released++;
    },
  };
  return {
    cache,
    tokenWrites,
    registrationWrites,
    /** What each lock taken said it was for; and how many were released. */
    locks,
    get released() {
      return released;
    },
    get tokenReads() {
      return tokenReads;
    },
    /** From the read after the `afterReads`th on, the file holds this token. */
    arriveAfter(afterReads: number, token: SsoToken) {
      arrival = { afterReads, token };
    },
  };
}

export const AUTHORIZE_ENDPOINT = 'https://oidc.eu-west-1.amazonaws.com';

/** What the fake service answers, call by call; a call with no answer left fails the test. */
export interface OidcScript {
  registrations?: ClientRegistration[];
  authorizations?: Array<DeviceAuthorization | undefined>;
  polls?: DevicePoll[];
  refreshes?: Array<IssuedToken | undefined>;
  exchanges?: IssuedToken[];
}

type Inputs<K extends keyof OidcApi> = Array<Parameters<OidcApi[K]>[0]>;

/** The OidcApi port answering from a copy of the script, recording every call's input. */
export function fakeOidc(given: OidcScript = {}) {
  const script = Object.fromEntries(Object.entries(given).map(([call, answers]) => [call, [...answers]])) as OidcScript;
  const calls = {
    registerClient: [] as Inputs<'registerClient'>,
    startDeviceAuthorization: [] as Inputs<'startDeviceAuthorization'>,
    pollDeviceToken: [] as Inputs<'pollDeviceToken'>,
    refreshToken: [] as Inputs<'refreshToken'>,
    exchangeCode: [] as Inputs<'exchangeCode'>,
  };
  const answer = <T>(queue: T[] | undefined, call: string): T => {
    if (!queue?.length) throw new Error(`unexpected ${call} call: the script has no answer left`);
    return queue.shift() as T;
  };
  const api: OidcApi = {
    registerClient: async (input) => (calls.registerClient.push(input), answer(script.registrations, 'RegisterClient')),
    startDeviceAuthorization: async (input) => (calls.startDeviceAuthorization.push(input), answer(script.authorizations, 'StartDeviceAuthorization')),
    pollDeviceToken: async (input) => (calls.pollDeviceToken.push(input), answer(script.polls, 'CreateToken (device code)')),
    refreshToken: async (input) => (calls.refreshToken.push(input), answer(script.refreshes, 'CreateToken (refresh token)')),
    exchangeCode: async (input) => (calls.exchangeCode.push(input), answer(script.exchanges, 'CreateToken (authorization code)')),
    authorizeEndpoint: async () => AUTHORIZE_ENDPOINT,
  };
  return { api, calls };
}
