import { randomBytes } from 'node:crypto';
import type { WebIdentityClaims } from './stsTypes';

export interface JwtClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  /** Seconds since the epoch, as are iat and nbf. */
  exp?: number;
  iat?: number;
  nbf?: number;
  [claim: string]: unknown;
}

/**
 * A JWT in an identity provider's shape with a random signature: the fake STS trusts a token because a test
 * registered it, never because of its signature, so nothing here needs a key.
 */
export function fakeJwt(claims: JwtClaims): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: 'fake-key' };
  return [encodePart(header), encodePart(claims), randomBytes(256).toString('base64url')].join('.');
}

/** The claims STS reads from a JWT, or undefined for anything that is not one with iss, sub and aud. */
export function jwtClaims(token: string): WebIdentityClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let payload: Partial<JwtClaims>;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  // Of a token naming several audiences the fake takes the first; which one STS reports is not modelled.
  const audience = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
  if (typeof payload.iss !== 'string' || typeof payload.sub !== 'string' || typeof audience !== 'string') return undefined;
  return { subject: payload.sub, audience, issuer: payload.iss, expiresAt: typeof payload.exp === 'number' ? payload.exp : undefined };
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
