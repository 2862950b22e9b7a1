import { dpopProof } from '../../src/aws/dpopProof';
import { startFakeSignin, type FakeSignin } from './signin';

const SESSION = 'arn:aws:iam::111111111111:user/alice';
let signin: FakeSignin;
beforeAll(async () => {
  signin = await startFakeSignin('eu-west-1');
});
afterAll(() => signin.close());

const post = (body: object, dpop?: string) =>
  fetch(`${signin.url}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...(dpop && { dpop }) }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));
const refresh = (token: { clientId: string; refreshToken: string }) => ({ clientId: token.clientId, grantType: 'refresh_token', refreshToken: token.refreshToken });
const proof = (key: string, url = `${signin.url}/v1/token`, at = new Date()) => dpopProof(key, 'POST', url, at);

describe('the fake AWS Sign-In token endpoint', () => {
  test('a refresh with a proof by the sign-in key rotates the refresh token; the old one is spent', async () => {
    const token = signin.seedSignIn(SESSION);
    const first = await post(refresh(token), proof(token.dpopKey));
    expect(first).toMatchObject({ status: 200, body: { expiresIn: 900, accessToken: { accessKeyId: expect.stringMatching(/^ASIA/) } } });
    expect(first.body.refreshToken).not.toBe(token.refreshToken);
    expect((await post(refresh(token), proof(token.dpopKey))).body.error).toBe('TOKEN_EXPIRED');
  });

  test.each([
    ['no proof', () => undefined],
    ['a proof for another URL', (key: string) => proof(key, `${signin.url}/v1/other`)],
    ['a proof made too long ago', (key: string) => proof(key, undefined, new Date(Date.now() - 5 * 60_000))],
  ])('refuses %s', async (_why, make) => {
    const token = signin.seedSignIn(SESSION);
    expect((await post(refresh(token), make(token.dpopKey))).body.error).toBe('invalid_dpop_proof');
  });

  test('refuses a replayed proof, and a refresh token proved with another key', async () => {
    const token = signin.seedSignIn(SESSION);
    const other = signin.seedSignIn(SESSION);
    const once = proof(other.dpopKey);
    expect((await post(refresh(token), once)).body.error).toBe('invalid_grant');
    expect((await post(refresh(other), once)).body.error).toBe('invalid_dpop_proof');
  });

  test('a refresh token of a sign-in in another region is refused', async () => {
    const token = signin.seedSignIn(SESSION, { region: 'us-west-2' });
    expect((await post(refresh(token), proof(token.dpopKey))).body.error).toBe('invalid_grant');
  });

  test('the refusals a test asks for, with their status', async () => {
    const token = signin.seedSignIn(SESSION);
    signin.refuse(SESSION, 'INSUFFICIENT_PERMISSIONS', 403);
    expect(await post(refresh(token), proof(token.dpopKey))).toMatchObject({ status: 403, body: { error: 'INSUFFICIENT_PERMISSIONS' } });
    signin.allow(SESSION);
  });
});
