import { createHash } from 'node:crypto';
import type { IssuedToken } from '../../src/aws/oidcApi';
import type { Registration } from '../../src/cache/ssoTokenCache';
import type { SsoSession } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { authCodeSignIn } from '../../src/sso/authCodeSignIn';
import type { RedirectOutcome } from '../../src/sso/redirectOutcome';
import { tokenRecord, type SignInDeps } from '../../src/sso/signIn';
import { AUTHORIZE_ENDPOINT, fakeClock, fakeOidc, memorySsoCache, namedSession, type FakeClock } from '../support/fakeSso';
import { recordingLogger } from '../support/recordingLogger';

const issued: IssuedToken = { accessToken: 'access-1', expiresIn: 8 * 3600, refreshToken: 'refresh-1' };
const registered = (clock: FakeClock) => ({ clientId: 'client-new', clientSecret: 'client-new-secret', clientSecretExpiresAt: clock.now().getTime() / 1000 + 90 * 24 * 3600 });
const WAIT_MS = 10 * 60 * 1000;

/** A sign-in whose browser comes back with `back(state)` (undefined: never), with nothing cached unless said. */
function setUp(back: (state: string) => RedirectOutcome | undefined, options: { registration?: (clock: FakeClock) => Registration; port?: number; session?: SsoSession } = {}) {
  const clock = fakeClock();
  const session = options.session ?? namedSession;
  const store = memorySsoCache({ registration: options.registration?.(clock), session });
  const oidc = fakeOidc({ registrations: [registered(clock)], exchanges: [issued] });
  const seen: string[] = [];
  const listens: Array<{ port: number; state: string; waitMs?: number; closed: boolean }> = [];
  const deps: SignInDeps = {
    oidc: oidc.api,
    cache: store.cache,
    display: { prompt: (p) => seen.push(`prompt ${p.url} ${p.userCode ?? 'no code'} ${p.expiresInSeconds}`), waiting: () => seen.push('waiting'), done: () => seen.push('done') },
    openBrowser: async (url) => void seen.push(`browser ${url}`),
    listen: async (port, state) => {
      const listen = { port, state, waitMs: undefined as number | undefined, closed: false };
      listens.push(listen);
      seen.push('listening');
      return {
        port: 49152,
        redirectUri: 'http://127.0.0.1:49152/oauth/callback',
        outcome: async (waitMs) => ((listen.waitMs = waitMs), back(state)),
        close: () => void (listen.closed = true),
      };
    },
    now: clock.now,
    sleep: clock.sleep,
    log: recordingLogger(),
  };
  const signIn = () => authCodeSignIn(session, 'dev', deps, { port: options.port ?? 0, waitMs: WAIT_MS });
  return { clock, store, oidc, seen, listens, signIn };
}

const approved = (state: string): RedirectOutcome => ({ kind: 'code', code: `code-for-${state}` });

describe(authCodeSignIn.name, () => {
  test('registers as the AWS CLI does, listens before the browser opens, exchanges the code with the verifier of the challenge', async () => {
    const { signIn, oidc, seen, listens, store, clock } = setUp(approved);
    const token = await signIn();
    expect(oidc.calls.registerClient).toEqual([
      {
        clientName: 'awsenv-corp',
        clientType: 'public',
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
        issuerUrl: namedSession.startUrl,
        scopes: ['sso:account:access'],
      },
    ]);
    expect(store.registrationWrites).toEqual([
      { clientId: 'client-new', clientSecret: 'client-new-secret', expiresAt: clock.iso(90 * 24 * 3600), scopes: ['sso:account:access'], grantTypes: ['authorization_code', 'refresh_token'] },
    ]);
    expect(seen.indexOf('listening')).toBe(0);
    const url = new URL(seen.find((s) => s.startsWith('browser '))!.slice('browser '.length));
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTHORIZE_ENDPOINT}/authorize`);
    expect([...url.searchParams.keys()]).toEqual(['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge_method', 'scopes', 'code_challenge']);
    expect(Object.fromEntries(url.searchParams)).toEqual(
      expect.objectContaining({ response_type: 'code', client_id: 'client-new', redirect_uri: 'http://127.0.0.1:49152/oauth/callback', state: listens[0].state, code_challenge_method: 'S256', scopes: 'sso:account:access' }),
    );
    expect(url.search).toContain('redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2Foauth%2Fcallback');
    expect(listens[0].state).toMatch(/^[0-9a-f-]{36}$/);
    const [exchange] = oidc.calls.exchangeCode;
    expect(exchange).toEqual({ clientId: 'client-new', clientSecret: 'client-new-secret', code: `code-for-${listens[0].state}`, codeVerifier: expect.stringMatching(/^[A-Za-z0-9._~-]{64}$/), redirectUri: 'http://127.0.0.1:49152/oauth/callback' });
    expect(createHash('sha256').update(exchange.codeVerifier).digest('base64url')).toBe(url.searchParams.get('code_challenge'));
    expect(url.search).not.toContain(exchange.codeVerifier);
    expect(token).toEqual(tokenRecord(namedSession, issued, store.registrationWrites[0], clock.now()));
    expect(store.tokenWrites).toEqual([token]);
    expect(listens[0]).toMatchObject({ port: 0, waitMs: WAIT_MS, closed: true });
    expect(seen.slice(-2)).toEqual(['waiting', 'done']);
    expect(seen.find((s) => s.startsWith('prompt'))).toMatch(/ no code 600$/);
  });

  test('each sign-in has its own state and verifier', async () => {
    const one = setUp(approved);
    const two = setUp(approved);
    await one.signIn();
    await two.signIn();
    expect(one.listens[0].state).not.toBe(two.listens[0].state);
    expect(one.oidc.calls.exchangeCode[0].codeVerifier).not.toBe(two.oidc.calls.exchangeCode[0].codeVerifier);
  });

  test('the configured scopes go into the registration and the page, space-separated', async () => {
    const { signIn, oidc, seen } = setUp(approved, { session: { ...namedSession, scopes: ['sso:account:access', 'codewhisperer:completions'] } });
    await signIn();
    expect(oidc.calls.registerClient[0].scopes).toEqual(['sso:account:access', 'codewhisperer:completions']);
    expect(seen.find((s) => s.startsWith('browser '))).toContain('scopes=sso%3Aaccount%3Aaccess%20codewhisperer%3Acompletions');
  });

  test('reuses a cached registration made for this flow, and passes over one made for the device flow', async () => {
    const forBrowser = setUp(approved, { registration: (c) => ({ clientId: 'cached', clientSecret: 'cached-secret', expiresAt: c.iso(30 * 24 * 3600), grantTypes: ['authorization_code', 'refresh_token'] }) });
    await forBrowser.signIn();
    expect(forBrowser.oidc.calls.registerClient).toEqual([]);
    expect(forBrowser.oidc.calls.exchangeCode[0].clientId).toBe('cached');
    const forDevice = setUp(approved, { registration: (c) => ({ clientId: 'cached', clientSecret: 'cached-secret', expiresAt: c.iso(30 * 24 * 3600), scopes: ['sso:account:access'] }) });
    await forDevice.signIn();
    expect(forDevice.oidc.calls.registerClient).toHaveLength(1);
  });

  test.each<[string, (state: string) => RedirectOutcome | undefined, RegExp, RegExp]>([
    ['denied', () => ({ kind: 'denied' }), /denied in the browser/, /to try again\.$/],
    ['a state that is not this sign-in\'s', () => ({ kind: 'wrongState' }), /state that is not this sign-in's/, /to try again\.$/],
    ['no code', () => ({ kind: 'noCode' }), /without an authorization code/, /to try again\.$/],
    ['an error from the service', () => ({ kind: 'refused', error: 'invalid_scope', description: 'no such scope' }), /answered invalid_scope: no such scope/, /--use-device-code/],
    ['never came back', () => undefined, /did not come back to awsenv within 10 minutes/, /--use-device-code/],
  ])('%s: an interaction error naming the profile, no exchange, nothing written, the listener closed', async (_name, back, message, hint) => {
    const { signIn, oidc, store, listens, seen } = setUp(back);
    const error = await signIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'interaction', profile: 'dev', message: expect.stringMatching(message), hint: expect.stringMatching(hint) });
    expect(oidc.calls.exchangeCode).toEqual([]);
    expect(store.tokenWrites).toEqual([]);
    expect(listens[0].closed).toBe(true);
    expect(seen[seen.length - 1]).toBe('done');
  });

  test('--redirect-port goes to the listener', async () => {
    const { signIn, listens } = setUp(approved, { port: 8400 });
    await signIn();
    expect(listens[0].port).toBe(8400);
  });
});
