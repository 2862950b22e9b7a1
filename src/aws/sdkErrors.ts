import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);

/** The fields of what the SDK throws that awsenv reads. Only aws/ looks at SDK errors. */
export type SdkError = { name?: string; code?: string; message?: string; error_description?: string; $metadata?: { httpStatusCode?: number } };

const fields = (error: unknown) => (error ?? {}) as SdkError;

export const errorName = (error: unknown) => fields(error).name ?? 'Error';
export const errorMessage = (error: unknown) => fields(error).message ?? '';

/** True when the call never got an answer from AWS: refused, reset, timed out, no such host. */
export function isNetworkError(error: unknown): boolean {
  const e = fields(error);
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$metadata?.httpStatusCode) return false;
  return e.name === 'TimeoutError' || e.name === 'AbortError' || e.name === 'RequestTimeout';
}

export function networkError(error: unknown, service: string, endpoint: string, profile: string): AwsenvError {
  const e = fields(error);
  const said = (e.message ?? '').trim();
  const detail = said && (!e.code || said.includes(e.code)) ? said : [e.code ?? e.name, said].filter(Boolean).join(': ');
  return new AwsenvError('unavailable', `cannot reach ${service} at ${endpoint} (${detail})`, {
    profile,
    hint: `Check the network connection and proxy, or the endpoint settings (AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}, endpoint_url).`,
    cause: error,
  });
}

export interface SdkCall {
  readonly service: string;
  readonly operation: string;
  readonly endpoint: string;
  readonly profile: string;
  readonly log: Logger;
  /** What --debug shows of the call besides its name: never a secret. */
  readonly detail?: string;
}

/** What AWS answered: the output, or the refusal's SDK name beside the awsenv error it becomes. */
type Attempt<T> = { readonly output: T } | { readonly refusal: string; readonly error: AwsenvError };

/**
 * Runs one SDK call: logs it, turns a network failure into one clear error, and hands a refusal to `translate`, so
 * that no SDK error leaves aws/. For calls where some refusals are answers (a sign-in still pending), the caller
 * reads the refusal's name.
 */
export async function sdkAttempt<T>(call: SdkCall, send: () => Promise<T>, translate: (error: unknown) => AwsenvError): Promise<Attempt<T>> {
  call.log.debug(`AWS call: ${call.service} ${call.operation} at ${call.endpoint}${call.detail ? `, ${call.detail}` : ''}`);
  try {
    return { output: await send() };
  } catch (error) {
    call.log.debug(`AWS call failed: ${errorName(error)}: ${errorMessage(error)}`);
    if (error instanceof AwsenvError) throw error;
    if (isNetworkError(error)) throw networkError(error, call.service, call.endpoint, call.profile);
    return { refusal: errorName(error), error: translate(error) };
  }
}

/** sdkAttempt for calls where every refusal is an error. */
export async function sdkCall<T>(call: SdkCall, send: () => Promise<T>, translate: (error: unknown) => AwsenvError): Promise<T> {
  const attempt = await sdkAttempt(call, send, translate);
  if ('refusal' in attempt) throw attempt.error;
  return attempt.output;
}
