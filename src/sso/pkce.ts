import { createHash, randomBytes, randomUUID } from 'node:crypto';

// RFC 7636 §4.1: the verifier's alphabet, unreserved URI characters; 64 of them, as the AWS CLI makes.
const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const VERIFIER_LENGTH = 64;

/** A fresh PKCE pair and state for one browser sign-in. The verifier never leaves this process but in CreateToken. */
export function pkcePair(): { verifier: string; challenge: string; state: string } {
  // Bytes past the last whole round of the alphabet are dropped, so that every character is as likely.
  const limit = 256 - (256 % VERIFIER_ALPHABET.length);
  let verifier = '';
  while (verifier.length < VERIFIER_LENGTH) {
    for (const byte of randomBytes(VERIFIER_LENGTH)) {
      if (byte < limit && verifier.length < VERIFIER_LENGTH) verifier += VERIFIER_ALPHABET[byte % VERIFIER_ALPHABET.length];
    }
  }
  return { verifier, challenge: s256(verifier), state: randomUUID() };
}

/** RFC 7636 §4.2's S256: base64url of the SHA-256, without padding. */
export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');
