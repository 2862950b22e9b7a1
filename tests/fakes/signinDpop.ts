import { createPublicKey, verify } from 'node:crypto';

const IAT_WINDOW_SECONDS = 60;

/** What a DPoP proof proves once verified: the key's thumbprint-like identity (its public point). */
export type DpopCheck = { ok: true; jkt: string } | { ok: false; why: string };

/**
 * RFC 9449's checks, as a resource server makes them: a compact ES256 JWS with typ dpop+jwt and the public key in
 * its header, signed by that key, for this method and this URL, made lately, and never seen before.
 */
export function checkDpop(proof: string | undefined, method: string, url: string, seen: Set<string>, now = Date.now()): DpopCheck {
  if (!proof) return { ok: false, why: 'no DPoP header' };
  const parts = proof.split('.');
  if (parts.length !== 3) return { ok: false, why: 'not a compact JWS' };
  const [h, p, s] = parts;
  let header: Record<string, any>;
  let payload: Record<string, any>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, why: 'unreadable JWS' };
  }
  if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256') return { ok: false, why: `header typ ${header.typ}, alg ${header.alg}` };
  const jwk = header.jwk;
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || 'd' in jwk) return { ok: false, why: 'bad jwk' };
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) return { ok: false, why: 'bad signature' };
  if (payload.htm !== method) return { ok: false, why: `htm ${payload.htm}` };
  if (payload.htu !== url) return { ok: false, why: `htu ${payload.htu}, not ${url}` };
  if (typeof payload.iat !== 'number' || Math.abs(payload.iat - now / 1000) > IAT_WINDOW_SECONDS) return { ok: false, why: `iat ${payload.iat}` };
  if (typeof payload.jti !== 'string' || !payload.jti || seen.has(payload.jti)) return { ok: false, why: 'jti replayed' };
  seen.add(payload.jti);
  return { ok: true, jkt: `${jwk.x}.${jwk.y}` };
}
