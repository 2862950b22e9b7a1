import { AwsenvError } from '../core/errors';

/**
 * What AWS's refusal of the long-term keys that signed a call means to the person who wrote them down, for the
 * names that say so; undefined for every other refusal.
 */
export function keysRefusal(name: string, profile: string, cause: unknown): AwsenvError | undefined {
  const fail = (message: string, hint: string) => new AwsenvError('aws', message, { profile, hint, cause });
  if (name === 'InvalidClientTokenId') return fail('AWS does not recognise the access key', 'The key may be deleted, deactivated or mistyped: check aws_access_key_id in the credentials file.');
  if (name === 'SignatureDoesNotMatch') return fail('the secret access key does not match its access key', 'Check aws_secret_access_key in the credentials file.');
  return undefined;
}
