import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTokenCommand, RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { answerInBrowser } from '../support/ssoBrowser';
import { START_URL, useFakeSso, type Registration } from './ssoTestKit';

const kit = useFakeSso();
const AUTH_GRANTS = ['authorization_code', 'refresh_token'];

/** A client's loopback listener that records the one query it gets. */
async function loopback() {
  const queries: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    queries.push(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    res.end('done');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return { queries, redirectUri: `http://127.0.0.1:${port}/oauth/callback`, close: () => server.close() };
}

const registerForCode = async (): Promise<Registration> => {
  const r = await kit.oidc().send(
    new RegisterClientCommand({ clientName: 'awsenv-tests', clientType: 'public', grantTypes: AUTH_GRANTS, redirectUris: ['http://127.0.0.1/oauth/callback'], issuerUrl: START_URL, scopes: ['sso:account:access'] }),
  );
  return { clientId: r.clientId!, clientSecret: r.clientSecret! };
};

function authorizeUrl(registration: Registration, redirectUri: string, challenge: string, state = 'state-1') {
  const query = new URLSearchParams({ response_type: 'code', client_id: registration.clientId, redirect_uri: redirectUri, state, code_challenge_method: 'S256', scopes: 'sso:account:access', code_challenge: challenge });
  return `${kit.fake().url}/authorize?${query}`;
}

const pkce = () => {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('the fake IAM Identity Center\'s authorization code flow', () => {
  test('Approve redirects with a code and the state; CreateToken takes it once, with the verifier of the challenge', async () => {
    const registration = await registerForCode();
    const listener = await loopback();
    try {
      const { verifier, challenge } = pkce();
      const visit = await answerInBrowser(authorizeUrl(registration, listener.redirectUri, challenge), 'approve');
      expect(visit).toMatchObject({ authorizeStatus: 200, status: 200, body: 'done' });
      const [query] = listener.queries;
      expect(query.get('state')).toBe('state-1');
      const code = query.get('code')!;
      const exchange = (codeVerifier: string) =>
        kit.oidc().send(new CreateTokenCommand({ ...registration, grantType: 'authorization_code', code, codeVerifier, redirectUri: listener.redirectUri }));
      await expect(exchange(pkce().verifier)).rejects.toMatchObject({ name: 'InvalidGrantException' });
      const token = await exchange(verifier);
      expect(token.accessToken).toMatch(/^aoa/);
      expect(token.refreshToken).toMatch(/^aor/);
      expect(kit.fake().accessTokens()).toEqual([token.accessToken]);
      await expect(exchange(verifier)).rejects.toMatchObject({ name: 'InvalidGrantException' });
    } finally {
      listener.close();
    }
  });

  test('Deny redirects with error=access_denied and the state, and no code', async () => {
    const registration = await registerForCode();
    const listener = await loopback();
    try {
      await answerInBrowser(authorizeUrl(registration, listener.redirectUri, pkce().challenge), 'deny');
      expect(Object.fromEntries(listener.queries[0])).toEqual({ error: 'access_denied', error_description: expect.any(String), state: 'state-1' });
    } finally {
      listener.close();
    }
  });

  test('an unknown client, an unregistered redirect, a device code client or no S256 challenge: an error page, never a redirect', async () => {
    const registration = await registerForCode();
    const device = await kit.register();
    const bad = [
      authorizeUrl({ ...registration, clientId: 'nobody' }, 'http://127.0.0.1:1234/oauth/callback', 'c'),
      authorizeUrl(registration, 'http://127.0.0.1:1234/elsewhere', 'c'),
      authorizeUrl(registration, 'https://attacker.example/oauth/callback', 'c'),
      authorizeUrl(device, 'http://127.0.0.1:1234/oauth/callback', 'c'),
      authorizeUrl(registration, 'http://127.0.0.1:1234/oauth/callback', 'c').replace('code_challenge_method=S256', 'code_challenge_method=plain'),
    ];
    for (const url of bad) {
      const answer = await fetch(url, { redirect: 'manual' });
      expect([url, answer.status]).toEqual([url, 400]);
    }
  });

  test('an authorization code client must name its redirect URIs and issuer', async () => {
    await expect(
      kit.oidc().send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: AUTH_GRANTS, issuerUrl: START_URL })),
    ).rejects.toMatchObject({ name: 'InvalidRequestException' });
    await expect(
      kit.oidc().send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: AUTH_GRANTS, redirectUris: ['http://127.0.0.1/oauth/callback'] })),
    ).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  test('a device code client may not use the authorization_code grant', async () => {
    const device = await kit.register();
    await expect(
      kit.oidc().send(new CreateTokenCommand({ ...device, grantType: 'authorization_code', code: 'x', codeVerifier: 'y', redirectUri: 'http://127.0.0.1:1/oauth/callback' })),
    ).rejects.toMatchObject({ name: 'UnauthorizedClientException' });
  });
});

describe('with autoApprove', () => {
  const eager = useFakeSso(() => ({ autoApprove: true }));
  test('GET /authorize redirects with a code at once', async () => {
    const r = await eager.oidc().send(
      new RegisterClientCommand({ clientName: 'x', clientType: 'public', grantTypes: AUTH_GRANTS, redirectUris: ['http://127.0.0.1/oauth/callback'], issuerUrl: START_URL }),
    );
    const query = new URLSearchParams({ response_type: 'code', client_id: r.clientId!, redirect_uri: 'http://127.0.0.1:1/oauth/callback', state: 's', code_challenge_method: 'S256', code_challenge: 'c' });
    const answer = await fetch(`${eager.fake().url}/authorize?${query}`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(new URL(answer.headers.get('location')!).searchParams.get('code')).toMatch(/.{64,}/);
  });
});
