import { AwsenvError } from '../core/errors';
import { ATTEMPT_TIMEOUT_MS, CONNECT_TIMEOUT_MS } from './clientOptions';
import { endpointSetting, seconds, type SdkCallAbout } from './sdkCallAbout';
import { sdkFields } from './sdkErrorFields';
import { mfaCodeNote } from './mfaCodeNote';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);
// No connection was made, so nothing was sent: an MFA code in the request is unspent.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// The SDK's HTTP handler words its own timeouts for programmers; these say which one it was.
const SDK_NO_CONNECTION = /did not establish a connection/;
const SDK_WORDS = /^@smithy\/|^@aws-sdk\//;

/** True when the call never got an answer from AWS: refused, reset, timed out, no such host. */
export function isNetworkError(error: unknown): boolean {
  const e = sdkFields(error);
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$metadata?.httpStatusCode) return false;
  return e.name === 'TimeoutError' || e.name === 'AbortError' || e.name === 'RequestTimeout';
}

/** True when the request cannot have reached the service: no connection was ever made. */
export function neverConnected(error: unknown): boolean {
  const e = sdkFields(error);
  const said = e.message ?? '';
  return (e.code !== undefined && NOT_CONNECTED.has(e.code)) || SDK_NO_CONNECTION.test(said) || (e.code === 'ETIMEDOUT' && said.startsWith('connect '));
}

export function networkError(error: unknown, call: SdkCallAbout): AwsenvError {
  const attempts = sdkFields(error).$metadata?.attempts ?? 1;
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const hint = `Check the network connection and proxy, or the endpoint settings (${endpointSetting(call.service)}, endpoint_url).`;
  return new AwsenvError('unavailable', `cannot reach ${call.service} at ${call.endpoint}${after} (${networkDetail(error)})`, {
    profile: call.profile,
    hint: [hint, mfaCodeNote(call, neverConnected(error))].filter(Boolean).join(' '),
    cause: error,
  });
}

function networkDetail(error: unknown): string {
  const e = sdkFields(error);
  const said = (e.message ?? '').trim();
  if (SDK_NO_CONNECTION.test(said)) return `no connection within ${seconds(CONNECT_TIMEOUT_MS)}`;
  if (SDK_WORDS.test(said)) return `no answer within ${seconds(ATTEMPT_TIMEOUT_MS)}`;
  return said && (!e.code || said.includes(e.code)) ? said : [e.code ?? e.name, said].filter(Boolean).join(': ');
}
