import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { LoginToken } from '../../src/cache/loginTokenCache';
import { listenOnLoopback, type Reply } from './loopbackServer';
import { checkDpop } from './signinDpop';
import { authorizeDecision, authorizePage, type PendingAuthorization } from './signinAuthorize';
import type { IssuedCredentials } from './stsTypes';

/**
 * AWS Sign-In at the protocol level, for `aws login` sessions: the token endpoint (authorization code with PKCE,
 * refresh tokens bound to the DPoP key and rotated on use) and the authorize page. One fake serves one region; a
 * refresh token made in another region is refused there, as the service refuses a refresh sent to the wrong region
 * (the real error code for that is not documented: invalid_grant here).
 */
export interface FakeSignin {
  readonly url: string;
  readonly region: string;
  /** Every token call, with the error it got if any. */
  readonly calls: Array<{ grant: string; error?: string; why?: string }>;
  /** A sign-in as `aws login` leaves it: the cache file's content, with credentials ending at expiresAt. */
  seedSignIn(session: string, options?: { expiresAt?: Date; region?: string; keyForm?: 'sec1' | 'pkcs8' }): LoginToken;
  /** Makes every refresh of the session fail with this code from now on (TOKEN_EXPIRED, USER_CREDENTIALS_CHANGED, …). */
  refuse(session: string, code: string, status?: number): void;
  /** Ends what refuse() started. */
  allow(session: string): void;
  /** Credentials it issued, by access key id: to check what awsenv exported. */
  issued(accessKeyId: string): string | undefined;
  /** The authorization requests the page has been shown, for tests to approve or deny. */
  readonly pending: PendingAuthorization[];
  close(): Promise<void>;
}

interface Grant {
  session: string;
  clientId: string;
  jkt: string;
  region: string;
  spent: boolean;
}

export const SAME_DEVICE = 'arn:aws:signin:::devtools/same-device';
export const CROSS_DEVICE = 'arn:aws:signin:::devtools/cross-device';
const EXPIRES_IN = 900;

export interface FakeSigninOptions {
  readonly sts?: { adopt(credentials: IssuedCredentials): void };
  /** The console session the authorize page signs in (an IAM user of account 111111111111 unless set). */
  readonly consoleSession?: string;
  readonly pressOnLoad?: 'approve' | 'deny';
}

export const CONSOLE_SESSION = 'arn:aws:iam::111111111111:user/alice';

export async function startFakeSignin(region = 'us-east-1', options: FakeSigninOptions = {}): Promise<FakeSignin> {
  const refreshTokens = new Map<string, Grant>();
  const refusals = new Map<string, { code: string; status: number }>();
  const issued = new Map<string, string>();
  const seen = new Set<string>();
  const calls: FakeSignin['calls'] = [];
  const pending: PendingAuthorization[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}${(++counter).toString().padStart(6, '0')}${randomBytes(6).toString('hex')}`;
  const json = (status: number, body: unknown): Reply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const mint = (session: string, clientId: string, jkt: string, grantRegion: string, withIdToken: boolean) => {
    const accessKeyId = id('ASIASIGNIN');
    issued.set(accessKeyId, session);
    const refreshToken = id('refresh-');
    refreshTokens.set(refreshToken, { session, clientId, jkt, region: grantRegion, spent: false });
    const keys = { accessKeyId, secretAccessKey: id('secret-'), sessionToken: id('session-') };
    options.sts?.adopt({ ...keys, expiration: new Date(Date.now() + EXPIRES_IN * 1000), identity: { arn: session, userId: id('AIDA'), trustArn: session, mfaAuthenticated: false, temporary: true } });
    const idToken = withIdToken ? `${b64({ alg: 'none' })}.${b64({ sub: session, iss: 'fake-signin' })}.` : undefined;
    return { accessToken: keys, tokenType: 'urn:aws:params:oauth:token-type:access_token_sigv4', expiresIn: EXPIRES_IN, refreshToken, ...(idToken && { idToken }) };
  };

  const server = await listenOnLoopback((request) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && path === '/v1/authorize') return authorizePage(request.url, fake.url, pending, id, { session: options.consoleSession ?? CONSOLE_SESSION, pressOnLoad: options.pressOnLoad });
    if (request.method === 'POST' && path === '/authorize/decision') return authorizeDecision(request.body, fake.url, pending, id);
    if (request.method !== 'POST' || path !== '/v1/token') return json(404, { error: 'RESOURCE_NOT_FOUND' });
    let body: Record<string, string>;
    try {
      body = JSON.parse(request.body);
    } catch {
      return json(400, { error: 'INVALID_REQUEST' });
    }
    const refuse = (status: number, error: string, why: string) => (calls.push({ grant: body.grantType, error, why }), json(status, { error, message: why }));
    const proof = checkDpop(request.headers.dpop as string | undefined, 'POST', `${fake.url}/v1/token`, seen);
    if (!proof.ok) return refuse(400, 'invalid_dpop_proof', proof.why);
    if (body.grantType === 'refresh_token') {
      const grant = refreshTokens.get(body.refreshToken);
      if (!grant || grant.spent) return refuse(400, 'TOKEN_EXPIRED', 'unknown or spent refresh token');
      if (grant.jkt !== proof.jkt) return refuse(400, 'invalid_grant', 'refresh token bound to another DPoP key');
      if (grant.clientId !== body.clientId) return refuse(400, 'invalid_grant', 'another client');
      if (grant.region !== region) return refuse(400, 'invalid_grant', `signed in in ${grant.region}, not ${region}`);
      const refusal = refusals.get(grant.session);
      if (refusal) return refuse(refusal.status, refusal.code, 'refused by the test');
      grant.spent = true;
      calls.push({ grant: body.grantType });
      return json(200, mint(grant.session, grant.clientId, grant.jkt, grant.region, false));
    }
    if (body.grantType === 'authorization_code') {
      const auth = pending.find((p) => p.code === body.code);
      if (!auth || auth.codeUsed) return refuse(400, 'AUTHCODE_EXPIRED', 'unknown or used code');
      auth.codeUsed = true;
      if (auth.clientId !== body.clientId || auth.redirectUri !== body.redirectUri) return refuse(400, 'invalid_grant', 'client or redirect differs');
      const challenge = createHash('sha256').update(body.codeVerifier ?? '').digest('base64url');
      if (challenge !== auth.codeChallenge) return refuse(400, 'invalid_grant', 'PKCE verifier does not match');
      const refusal = refusals.get(auth.session);
      if (refusal) return refuse(refusal.status, refusal.code, 'refused by the test');
      calls.push({ grant: body.grantType });
      return json(200, mint(auth.session, auth.clientId, proof.jkt, region, true));
    }
    return refuse(400, 'unsupported_grant_type', String(body.grantType));
  });

  const fake: FakeSignin = {
    url: server.url,
    region,
    calls,
    pending,
    seedSignIn(session, options = {}) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const dpopKey = privateKey.export({ format: 'pem', type: options.keyForm ?? 'sec1' }).toString();
      const jwk = createPublicKey(createPrivateKey(dpopKey)).export({ format: 'jwk' });
      const answer = mint(session, SAME_DEVICE, `${jwk.x}.${jwk.y}`, options.region ?? region, true);
      const expiresAt = (options.expiresAt ?? new Date(Date.now() + EXPIRES_IN * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const accountId = session.split(':')[4];
      return { accessToken: { ...answer.accessToken, accountId, expiresAt }, tokenType: answer.tokenType, clientId: SAME_DEVICE, refreshToken: answer.refreshToken, idToken: answer.idToken, dpopKey, ...(options.region && { signInRegion: options.region }) };
    },
    refuse: (session, code, status = 400) => void refusals.set(session, { code, status }),
    allow: (session) => void refusals.delete(session),
    issued: (accessKeyId) => issued.get(accessKeyId),
    close: () => server.close(),
  };
  return fake;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
