import { noteSecret } from '../support/secrets';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Identity, IssuedCredentials, StsState } from './stsTypes';
import { XmlFields } from './stsXml';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function issueCredentials(state: StsState, identity: Identity, durationSeconds: number): IssuedCredentials {
  const credentials = newCredentials(identity, durationSeconds);
  state.issued.push(credentials);
  return credentials;
}

/** Credentials in STS's shape that no fake accepts yet: the SSO portal makes them, then FakeSts.adopt may take them. */
export function newCredentials(identity: Identity, durationSeconds: number): IssuedCredentials {
  // Whole seconds, as AWS sends them, so the Expiration a client parses equals the one recorded here.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const issued = {
    accessKeyId: `ASIA${randomString(KEY_ID_ALPHABET, 16)}`,
    secretAccessKey: secretAccessKey(),
    sessionToken: randomBytes(356).toString('base64'),
    expiration: new Date(now + durationSeconds * 1000),
    identity,
  };
  noteSecret(issued.secretAccessKey, issued.sessionToken);
  return issued;
}

/** Real secrets often hold "/" and "+"; every one issued here does, so quoting bugs in renderers show up every run. */
function secretAccessKey(): string {
  const chars = [...randomBytes(29).toString('base64').slice(0, 38)];
  for (const special of ['/', '+']) chars.splice(randomInt(chars.length + 1), 0, special);
  return chars.join('');
}

function randomString(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A stable unique ID in AWS's shape ("AIDA…" for users, "AROA…" for roles), derived from the ARN. */
export function uniqueId(prefix: 'AIDA' | 'AROA', arn: string): string {
  return prefix + createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase();
}

export function accountOf(arn: string): string {
  return arn.split(':')[4];
}

export function credentialsXml(credentials: IssuedCredentials): XmlFields {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: isoSeconds(credentials.expiration),
  };
}

/** A timestamp as AWS writes them, in whole seconds: "2026-01-02T03:04:05Z". */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
