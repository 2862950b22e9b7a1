import { AwsenvError } from '../errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);

type SdkError = { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };

/** True when the call never got an answer from AWS: refused, reset, timed out, no such host. */
export function isNetworkError(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$metadata?.httpStatusCode) return false;
  return e.name === 'TimeoutError' || e.name === 'AbortError' || e.name === 'RequestTimeout';
}

export function networkError(error: unknown, service: string, endpoint: string, profile: string): AwsenvError {
  const e = (error ?? {}) as SdkError;
  const said = (e.message ?? '').trim();
  const detail = said && (!e.code || said.includes(e.code)) ? said : [e.code ?? e.name, said].filter(Boolean).join(': ');
  return new AwsenvError('network', `cannot reach ${service} at ${endpoint} for profile "${profile}" (${detail})`, {
    profile,
    hint: `Check the network connection and proxy, or the endpoint settings (AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}, endpoint_url).`,
    cause: error,
  });
}

export const errorName = (error: unknown) => ((error ?? {}) as SdkError).name ?? 'Error';
export const errorMessage = (error: unknown) => ((error ?? {}) as SdkError).message ?? '';
