import { generateKeyPairSync } from 'node:crypto';
import { dpopProof, isDpopKey, newDpopKey } from '../../src/aws/dpopProof';
import { checkDpop } from '../fakes/signinDpop';

const URL = 'https://eu-west-1.signin.aws.amazon.com/v1/token';

describe(dpopProof.name, () => {
  test.each(['sec1', 'pkcs8'] as const)('a %s key signs a proof a verifier takes, once', (type) => {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type }).toString();
    const proof = dpopProof(key, 'POST', URL, new Date());
    const seen = new Set<string>();
    expect(checkDpop(proof, 'POST', URL, seen)).toMatchObject({ ok: true });
    expect(checkDpop(proof, 'POST', URL, seen)).toEqual({ ok: false, why: 'jti replayed' });
    const [header, payload] = proof.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String) } });
    expect(Object.keys(payload).sort()).toEqual(['htm', 'htu', 'iat', 'jti']);
  });

  test('a new key is SEC1, as the AWS CLI writes it; keys of another curve are refused', () => {
    expect(newDpopKey()).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(isDpopKey(newDpopKey())).toBe(true);
    expect(isDpopKey(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString())).toBe(false);
    expect(isDpopKey('not a key')).toBe(false);
  });
});
