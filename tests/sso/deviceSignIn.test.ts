import { DEVICE_GRANT, type DeviceAuthorization, type DevicePoll, type IssuedToken } from '../../src/aws/oidcApi';
import type { Registration } from '../../src/cache/ssoTokenCache';
import type { SsoSession } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { deviceSignIn, type DeviceSignInDeps } from '../../src/sso/deviceSignIn';
import { tokenRecord } from '../../src/sso/signIn';
import { fakeClock, fakeOidc, legacySession, memorySsoCache, namedSession, type FakeClock, type OidcScript } from '../support/fakeSso';
import { recordingLogger } from '../support/recordingLogger';

const authorization: DeviceAuthorization = {
  deviceCode: 'device-code',
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
  expiresIn: 600,
  interval: 2,
};
const issued: IssuedToken = { accessToken: 'access-1', expiresIn: 8 * 3600, refreshToken: 'refresh-1' };
const pending: DevicePoll = { status: 'pending' };
const slowDown: DevicePoll = { status: 'slowDown' };
const approved: DevicePoll = { status: 'issued', token: issued };
const registered = (clock: FakeClock, clientId = 'client-new') => ({ clientId, clientSecret: `${clientId}-secret`, clientSecretExpiresAt: clock.now().getTime() / 1000 + 90 * 24 * 3600 });
const cachedRegistration = (clock: FakeClock, secondsLeft: number): Registration => ({ clientId: 'client-cached', clientSecret: 'cached-secret', expiresAt: clock.iso(secondsLeft) });

/** A sign-in with nothing cached unless said, the service answering `script(clock)`, and what the person saw. */
function setUp(script: (clock: FakeClock) => OidcScript, options: { session?: SsoSession; registration?: (clock: FakeClock) => Registration } = {}) {
  const clock = fakeClock();
  const session = options.session ?? namedSession;
  const store = memorySsoCache({ session, registration: options.registration?.(clock) });
  const oidc = fakeOidc(script(clock));
  const seen: string[] = [];
  const prompts: Array<Parameters<DeviceSignInDeps['display']['prompt']>[0]> = [];
  const log = recordingLogger();
  const deps: DeviceSignInDeps = {
    oidc: oidc.api,
    cache: store.cache,
    display: { prompt: (p) => (prompts.push(p), seen.push('prompt')), waiting: () => seen.push('waiting'), done: () => seen.push('done') },
    openBrowser: async (url) => void seen.push(`browser ${url}`),
    now: clock.now,
    sleep: clock.sleep,
    log,
  };
  return { clock, session, store, oidc, seen, prompts, log, deps, signIn: () => deviceSignIn(session, 'dev', deps, 10 * 60 * 1000) };
}

describe(deviceSignIn.name, () => {
  test('pending, then issued: the token is written, the person saw the code, the polls kept the server\'s interval', async () => {
    const { signIn, store, seen, prompts, oidc, clock, session } = setUp((c) => ({ registrations: [registered(c)], authorizations: [authorization], polls: [pending, approved] }));
    const token = await signIn();
    expect(token).toEqual(tokenRecord(session, issued, store.registrationWrites[0], clock.now()));
    expect(store.tokenWrites).toEqual([token]);
    expect(prompts).toEqual([{ url: authorization.verificationUriComplete, userCode: 'ABCD-EFGH', expiresInSeconds: 600 }]);
    expect(seen).toEqual(['prompt', `browser ${authorization.verificationUriComplete}`, 'waiting', 'waiting', 'done']);
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(oidc.calls.pollDeviceToken).toEqual([1, 2].map(() => ({ clientId: 'client-new', clientSecret: 'client-new-secret', deviceCode: 'device-code' })));
  });

  test('without a complete URI or an interval: the plain URI, and RFC 8628\'s five seconds', async () => {
    const plain = { ...authorization, verificationUriComplete: undefined, interval: undefined };
    const { signIn, seen, clock } = setUp((c) => ({ registrations: [registered(c)], authorizations: [plain], polls: [pending, approved] }));
    await signIn();
    expect(seen).toContain(`browser ${authorization.verificationUri}`);
    expect(clock.sleeps).toEqual([5000, 5000]);
  });

  test('every slow_down adds five seconds to the interval', async () => {
    const { signIn, clock } = setUp((c) => ({ registrations: [registered(c)], authorizations: [{ ...authorization, interval: 1 }], polls: [slowDown, slowDown, pending, approved] }));
    await signIn();
    expect(clock.sleeps).toEqual([1000, 6000, 11000, 11000]);
  });

  test.each<[string, DevicePoll[], RegExp]>([
    ['denied in the browser', [pending, { status: 'denied' }], /denied/],
    ['expired at the service', [pending, { status: 'expired' }], /expired/],
    // 600 s with 2 s between polls: the 301st poll comes after the deadline.
    ['still pending at the deadline', Array.from({ length: 301 }, () => pending), /expired/],
  ])('a sign-in %s fails, writes nothing, and clears the display', async (_name, polls, why) => {
    const { signIn, store, seen, oidc } = setUp((c) => ({ registrations: [registered(c)], authorizations: [authorization], polls }));
    const error = await signIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'interaction', profile: 'dev', hint: 'Run "awsenv login dev" to try again.' });
    expect((error as Error).message).toMatch(why);
    expect(oidc.calls.pollDeviceToken).toHaveLength(polls.length);
    expect(store.tokenWrites).toEqual([]);
    expect(seen.at(-1)).toBe('done');
  });

  describe('the client registration', () => {
    test('a cached one with more than an hour left is reused', async () => {
      const { signIn, oidc, store } = setUp(() => ({ authorizations: [authorization], polls: [approved] }), { registration: (c) => cachedRegistration(c, 3601) });
      const token = await signIn();
      expect(oidc.calls.registerClient).toEqual([]);
      expect(oidc.calls.startDeviceAuthorization).toEqual([{ clientId: 'client-cached', clientSecret: 'cached-secret', startUrl: namedSession.startUrl }]);
      expect(store.registrationWrites).toEqual([]);
      expect(token.clientId).toBe('client-cached');
    });

    test('a cached one within an hour of its end is renewed, and the new one cached', async () => {
      const { signIn, oidc, store, clock } = setUp((c) => ({ registrations: [registered(c)], authorizations: [authorization], polls: [approved] }), {
        registration: (c) => cachedRegistration(c, 3599),
      });
      const expiresAt = clock.iso(90 * 24 * 3600);
      await signIn();
      expect(oidc.calls.registerClient).toHaveLength(1);
      expect(oidc.calls.startDeviceAuthorization.map((c) => c.clientId)).toEqual(['client-new']);
      expect(store.registrationWrites).toEqual([{ clientId: 'client-new', clientSecret: 'client-new-secret', expiresAt }]);
    });

    test('one the browser flow made (grantTypes with authorization_code) is passed over, as botocore passes over it', async () => {
      const { signIn, oidc } = setUp((c) => ({ registrations: [registered(c)], authorizations: [authorization], polls: [approved] }), {
        registration: (c) => ({ ...cachedRegistration(c, 24 * 3600), grantTypes: ['authorization_code', 'refresh_token'] }),
      });
      await signIn();
      expect(oidc.calls.registerClient).toHaveLength(1);
      expect(oidc.calls.startDeviceAuthorization.map((c) => c.clientId)).toEqual(['client-new']);
    });

    test('one the service no longer knows is replaced, once', async () => {
      const { signIn, oidc, log } = setUp((c) => ({ registrations: [registered(c)], authorizations: [undefined, authorization], polls: [approved] }), {
        registration: (c) => cachedRegistration(c, 24 * 3600),
      });
      await signIn();
      expect(oidc.calls.registerClient).toHaveLength(1);
      expect(oidc.calls.startDeviceAuthorization.map((c) => c.clientId)).toEqual(['client-cached', 'client-new']);
      expect(log.debugs).toContain('the cached client registration was refused; registering again');
    });

    test('a fresh registration refused too is an error, without a third try or a prompt', async () => {
      const { signIn, oidc, seen } = setUp((c) => ({ registrations: [registered(c)], authorizations: [undefined, undefined] }), { registration: (c) => cachedRegistration(c, 24 * 3600) });
      await expect(signIn()).rejects.toMatchObject({ kind: 'aws', profile: 'dev' });
      expect(oidc.calls.registerClient).toHaveLength(1);
      expect(oidc.calls.startDeviceAuthorization).toHaveLength(2);
      expect(seen).toEqual([]);
    });

    test.each<[string, SsoSession, object]>([
      ['a legacy profile registers without scopes or grant types', legacySession, { clientName: 'awsenv-legacy', clientType: 'public' }],
      ['an sso-session asks for a refresh token, with the default scope', namedSession, { clientName: 'awsenv-corp', clientType: 'public', scopes: ['sso:account:access'], grantTypes: [DEVICE_GRANT, 'refresh_token'] }],
      ['an sso-session with scopes registers with those', { ...namedSession, scopes: ['a:b', 'c:d'] }, { clientName: 'awsenv-corp', clientType: 'public', scopes: ['a:b', 'c:d'], grantTypes: [DEVICE_GRANT, 'refresh_token'] }],
    ])('%s', async (_name, session, expected) => {
      const { signIn, oidc, store } = setUp((c) => ({ registrations: [registered(c)], authorizations: [authorization], polls: [approved] }), { session });
      await signIn();
      expect(oidc.calls.registerClient).toEqual([expected]);
      expect(store.registrationWrites[0].scopes).toEqual(session.scopes);
    });
  });
});

describe(tokenRecord.name, () => {
  const clock = fakeClock();
  const registration = cachedRegistration(clock, 90 * 24 * 3600);
  const legacy = { startUrl: namedSession.startUrl, region: 'eu-west-1', accessToken: 'access-1', expiresAt: clock.iso(8 * 3600) };
  const withClient = { ...legacy, clientId: 'client-cached', clientSecret: 'cached-secret', registrationExpiresAt: registration.expiresAt };

  test.each<[string, SsoSession, IssuedToken, object]>([
    ['a legacy profile keeps the four fields of the AWS CLI\'s legacy token', legacySession, issued, legacy],
    ['an sso-session adds the registration and the refresh token', namedSession, issued, { ...withClient, refreshToken: 'refresh-1' }],
    ['an sso-session answer without a refresh token writes none', namedSession, { accessToken: 'access-1', expiresIn: 8 * 3600 }, withClient],
  ])('%s', (_name, session, token, expected) => {
    expect(tokenRecord(session, token, registration, clock.now())).toStrictEqual(expected);
  });
});
