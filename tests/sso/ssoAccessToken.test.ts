import type { SsoToken } from '../../src/cache/ssoTokenCache';
import { AwsenvError } from '../../src/core/errors';
import { RACE_WAIT_MS, ssoAccessToken, type SignInReason, type SsoTokenDeps } from '../../src/sso/ssoAccessToken';
import { fakeClock, fakeOidc, type FakeClock, memorySsoCache, namedSession, refreshableToken, type OidcScript } from '../support/fakeSso';
import { recordingLogger } from '../support/recordingLogger';

/** A cache holding `token`, a service answering `script`, and a terminal to sign in on when `canSignIn`. */
function world(token: (clock: FakeClock) => SsoToken | undefined, script: OidcScript = {}, canSignIn = false) {
  const clock = fakeClock();
  const store = memorySsoCache({ token: token(clock) });
  const oidc = fakeOidc(script);
  const signIns: SignInReason[] = [];
  const log = recordingLogger();
  const deps: SsoTokenDeps = {
    cache: store.cache,
    oidc: async () => oidc.api,
    ...(canSignIn && { signIn: async (reason: SignInReason) => (signIns.push(reason), refreshableToken(clock, 8 * 3600, { accessToken: 'signed-in' })) }),
    now: clock.now,
    sleep: clock.sleep,
    log,
  };
  return { clock, store, oidc, deps, signIns, log };
}

const issued = { accessToken: 'access-2', expiresIn: 3600, refreshToken: 'refresh-2' };

describe(ssoAccessToken.name, () => {
  test('a cached token with more than five minutes left is used without a call, and without the lock', async () => {
    const { deps, oidc, store, clock } = world((c) => refreshableToken(c, 5 * 60 + 1));
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-1');
    expect(oidc.calls.refreshToken).toEqual([]);
    expect(store.tokenWrites).toEqual([]);
    expect(clock.sleeps).toEqual([]);
    expect(store.locks).toEqual([]);
  });

  test('a refresh happens under the session lock, released after', async () => {
    const { deps, store } = world((c) => refreshableToken(c, 60 * 2), { refreshes: [issued] });
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-2');
    expect(store.locks).toEqual([`the IAM Identity Center sign-in to ${namedSession.startUrl}`]);
    expect(store.released).toBe(1);
  });

  test('a token another awsenv refreshed while this one waited for the lock is used as it is', async () => {
    const { deps, store, oidc, clock } = world((c) => refreshableToken(c, 60 * 2), { refreshes: [issued] });
    // The lock holder's token is in the file by the read under the lock.
    store.arriveAfter(1, refreshableToken(clock, 3600, { accessToken: 'theirs', refreshToken: 'refresh-2' }));
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('theirs');
    expect(oidc.calls.refreshToken).toEqual([]);
    expect(store.tokenWrites).toEqual([]);
  });

  test.each<[string, number]>([
    ['within five minutes of its end', 4 * 60],
    ['already expired', -60],
  ])('a token %s is refreshed, and the new one written with the rotated refresh token', async (_name, secondsLeft) => {
    const { deps, oidc, store, clock } = world((c) => refreshableToken(c, secondsLeft), { refreshes: [issued] });
    const cached = refreshableToken(clock, secondsLeft);
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-2');
    expect(oidc.calls.refreshToken).toEqual([{ clientId: 'client-1', clientSecret: 'secret-1', refreshToken: 'refresh-1' }]);
    expect(store.tokenWrites).toEqual([{ ...cached, accessToken: 'access-2', expiresAt: clock.iso(3600), refreshToken: 'refresh-2' }]);
  });

  test('an answer without a refresh token keeps the old one', async () => {
    const { deps, store } = world((c) => refreshableToken(c, 4 * 60), { refreshes: [{ accessToken: 'access-2', expiresIn: 3600 }] });
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-2');
    expect(store.tokenWrites.map((t) => t.refreshToken)).toEqual(['refresh-1']);
  });

  test('a refused refresh falls back to the cached token while it is still usable', async () => {
    const { deps, store, clock, log } = world((c) => refreshableToken(c, 4 * 60), { refreshes: [undefined] });
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-1');
    expect(store.tokenWrites).toEqual([]);
    expect(clock.sleeps).toEqual([]);
    expect(log.debugs).toContain('IAM Identity Center refused the refresh token');
  });

  test('a token without a refresh token is not refreshed: the sign-in follows at once', async () => {
    const { deps, oidc, clock, signIns } = world((c) => refreshableToken(c, -60, { refreshToken: undefined }), {}, true);
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('signed-in');
    expect(oidc.calls.refreshToken).toEqual([]);
    expect(clock.sleeps).toEqual([]);
    expect(signIns).toHaveLength(1);
  });

  describe('an expired client registration', () => {
    const lapsed = (secondsLeft: number) => (c: FakeClock) => refreshableToken(c, secondsLeft, { registrationExpiresAt: c.iso(-1) });

    test('skips the refresh and uses the token while it is usable', async () => {
      const { deps, oidc } = world(lapsed(4 * 60));
      await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('access-1');
      expect(oidc.calls.refreshToken).toEqual([]);
    });

    // Regression: the race wait ran whenever the token had a refresh token, so a lapsed registration cost 3 s of
    // sleeping before the sign-in, though nobody can refresh with it and no other process's token is coming.
    test('skips the refresh and the wait when the token is not usable', async () => {
      const { deps, oidc, clock, signIns } = world(lapsed(-60), {}, true);
      await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('signed-in');
      expect(oidc.calls.refreshToken).toEqual([]);
      expect(clock.sleeps).toEqual([]);
      expect(signIns).toHaveLength(1);
    });
  });

  describe('a refused refresh of a token that is no longer usable', () => {
    test('waits for the token another process is writing, re-reading every 100 ms', async () => {
      const { deps, store, clock, signIns } = world((c) => refreshableToken(c, 30), { refreshes: [undefined] }, true);
      // The first read is the cached token, the second the same under the lock; the other process's token lands
      // by the fifth.
      store.arriveAfter(4, refreshableToken(clock, 3600, { accessToken: 'theirs', refreshToken: 'refresh-2' }));
      await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('theirs');
      expect(store.tokenReads).toBe(5);
      expect(clock.sleeps).toEqual([100, 100]);
      expect(signIns).toEqual([]);
    });

    test('does not take a token that arrives already unusable', async () => {
      const { deps, store, clock } = world((c) => refreshableToken(c, 30), { refreshes: [undefined] }, true);
      store.arriveAfter(1, refreshableToken(clock, 10, { accessToken: 'theirs, about to end' }));
      await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('signed-in');
    });

    test(`signs in when nothing arrives within ${RACE_WAIT_MS} ms`, async () => {
      const { deps, clock, signIns } = world((c) => refreshableToken(c, 30), { refreshes: [undefined] }, true);
      await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('signed-in');
      expect(signIns).toHaveLength(1);
      expect(new Set(clock.sleeps)).toEqual(new Set([100]));
      const waited = clock.sleeps.reduce((a, b) => a + b, 0);
      expect(waited).toBeGreaterThanOrEqual(RACE_WAIT_MS);
      expect(waited).toBeLessThanOrEqual(RACE_WAIT_MS + 100);
    });

    test('without a terminal to sign in on, asks for `awsenv login`', async () => {
      const { deps } = world((c) => refreshableToken(c, 30), { refreshes: [undefined] });
      const error = await ssoAccessToken(namedSession, 'dev', deps).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AwsenvError);
      expect(error).toMatchObject({ kind: 'interaction', profile: 'dev', hint: 'Run "awsenv login dev" first.' });
      expect((error as Error).message).toContain(namedSession.startUrl);
      expect((error as Error).message).toContain('there is no terminal to sign in on');
    });

    test('with --non-interactive, says that instead of blaming the terminal', async () => {
      const { deps } = world((c) => refreshableToken(c, 30), { refreshes: [undefined] });
      const error = await ssoAccessToken(namedSession, 'dev', { ...deps, noSignIn: '--non-interactive forbids asking' }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/needs an IAM Identity Center sign-in \(.*\), and --non-interactive forbids asking$/);
    });
  });

  test('no cached token: the sign-in, with no refresh and no wait', async () => {
    const { deps, clock, signIns } = world(() => undefined, {}, true);
    await expect(ssoAccessToken(namedSession, 'dev', deps)).resolves.toBe('signed-in');
    expect(clock.sleeps).toEqual([]);
    expect(signIns).toHaveLength(1);
  });

  describe('a token the portal has just rejected', () => {
    test('is refreshed even with hours left', async () => {
      const { deps, oidc } = world((c) => refreshableToken(c, 8 * 3600), { refreshes: [issued] });
      await expect(ssoAccessToken(namedSession, 'dev', deps, 'access-1')).resolves.toBe('access-2');
      expect(oidc.calls.refreshToken).toHaveLength(1);
    });

    test('is never returned again, not even when the cache keeps offering it', async () => {
      const { deps, store, clock } = world((c) => refreshableToken(c, 8 * 3600), { refreshes: [undefined] }, true);
      store.arriveAfter(1, refreshableToken(clock, 8 * 3600));
      await expect(ssoAccessToken(namedSession, 'dev', deps, 'access-1')).resolves.toBe('signed-in');
    });

    test('without a sign-in, is an error rather than the same token', async () => {
      const { deps } = world((c) => refreshableToken(c, 8 * 3600, { refreshToken: undefined }));
      await expect(ssoAccessToken(namedSession, 'dev', deps, 'access-1')).rejects.toMatchObject({ kind: 'interaction' });
    });
  });

  // What the person is told before the browser opens: a first sign-in is not an expired one.
  test.each<[string, (c: FakeClock) => SsoToken | undefined, OidcScript, string | undefined, SignInReason]>([
    ['no cached token', () => undefined, {}, undefined, 'none'],
    ['an expired token without a refresh token', (c) => refreshableToken(c, -60, { refreshToken: undefined }), {}, undefined, 'expired'],
    ['an expired token whose registration lapsed', (c) => refreshableToken(c, -60, { registrationExpiresAt: c.iso(-1) }), {}, undefined, 'expired'],
    ['a refresh IAM Identity Center refused', (c) => refreshableToken(c, 30), { refreshes: [undefined] }, undefined, 'refreshRefused'],
    ['a token the portal rejected, its refresh refused', (c) => refreshableToken(c, 8 * 3600), { refreshes: [undefined] }, 'access-1', 'rejected'],
    ['a token the portal rejected, without a refresh token', (c) => refreshableToken(c, 8 * 3600, { refreshToken: undefined }), {}, 'access-1', 'rejected'],
  ])('the sign-in is told why: %s', async (_why, token, script, rejected, reason) => {
    const { deps, signIns } = world(token, script, true);
    await expect(ssoAccessToken(namedSession, 'dev', deps, rejected)).resolves.toBe('signed-in');
    expect(signIns).toEqual([reason]);
  });
});
