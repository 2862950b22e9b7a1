import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/**
 * DPoP proofs (RFC 9449) for AWS Sign-In's token endpoint, signed with the P-256 key made at sign-in. Written here:
 * @aws-sdk/credential-provider-login signs its proofs inside a class it does not export, and reads only the SEC1
 * key the AWS CLI writes, where a key in PKCS#8 must serve as well. node:crypto reads either PEM form by itself.
 */
export function dpopProof(keyPem: string, method: string, url: string, now: Date): string {
  const key = privateKeyOf(keyPem);
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
  const payload = { htm: method, htu: url, iat: Math.floor(now.getTime() / 1000), jti: randomUUID() };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  // JWS wants r and s side by side (IEEE P1363), not the DER that sign() gives by default.
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** A new sign-in's key, as the AWS CLI writes it: SEC1 PEM ("EC PRIVATE KEY"). */
export function newDpopKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'pem', type: 'sec1' }).toString();
}

/** Whether the text is a P-256 private key in either PEM form, checked before any call is made with it. */
export function isDpopKey(keyPem: string): boolean {
  try {
    privateKeyOf(keyPem);
    return true;
  } catch {
    return false;
  }
}

function privateKeyOf(keyPem: string): KeyObject {
  const key = createPrivateKey({ key: keyPem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('the DPoP key is not a P-256 key');
  return key;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
