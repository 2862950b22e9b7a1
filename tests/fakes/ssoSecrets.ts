import { randomBytes, randomInt } from 'node:crypto';
import { noteSecret } from '../support/secrets';

/** An opaque token of URL-safe characters; access tokens start "aoa" and refresh tokens "aor", as IAM Identity Center's do. */
export function opaqueToken(prefix: string, bytes: number): string {
  const token = prefix + randomBytes(bytes).toString('base64url');
  // Client ids are names, not secrets; everything longer is one.
  if (bytes >= 64) noteSecret(token);
  return token;
}

// RFC 8628 §6.1: consonants only, so a code never spells a word and no two letters look alike.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** "ABCD-EFGH", the shape the person types into the verification page. */
export function userCode(): string {
  const letters = Array.from({ length: 8 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]);
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
}
