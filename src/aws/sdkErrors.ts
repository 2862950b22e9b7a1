import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { SdkCallAbout } from './sdkCallAbout';
import { errorMessage, errorName, sdkFields } from './sdkErrorFields';
import { unavailableError } from './unavailableError';

export interface SdkCall extends SdkCallAbout {
  readonly log: Logger;
  /** What --debug shows of the call besides its name: never a secret. */
  readonly detail?: string;
}

/** What the service answered: the output, or the refusal's SDK name beside the awsenv error it becomes. */
type Attempt<T> = { readonly output: T } | { readonly refusal: string; readonly error: AwsenvError };

/** What `send` passes to the SDK client's send: the bound on the whole call, retries included. */
export interface SendOptions {
  readonly abortSignal: AbortSignal;
}

/**
 * Runs one SDK call within its bound: logs it, turns every failure that means "try again" (no answer, a server
 * error, throttling, an answer that is not the service's) into one clear error, and hands a refusal to `translate`,
 * so that no SDK error leaves aws/. For calls where some refusals are answers (a sign-in still pending), the caller
 * reads the refusal's name.
 */
export async function sdkAttempt<T>(call: SdkCall, send: (options: SendOptions) => Promise<T>, translate: (error: unknown) => AwsenvError): Promise<Attempt<T>> {
  call.log.debug(`AWS call: ${call.service} ${call.operation} at ${call.endpoint}${call.detail ? `, ${call.detail}` : ''}`);
  const abortSignal = AbortSignal.timeout(call.timeoutMs);
  try {
    return { output: await send({ abortSignal }) };
  } catch (error) {
    call.log.debug(`AWS call failed: ${describeFailure(error)}`);
    if (error instanceof AwsenvError) throw error;
    const unavailable = unavailableError(error, call, abortSignal.aborted);
    if (unavailable) throw unavailable;
    return { refusal: errorName(error), error: translate(error) };
  }
}

/** sdkAttempt for calls where every refusal is an error. */
export async function sdkCall<T>(call: SdkCall, send: (options: SendOptions) => Promise<T>, translate: (error: unknown) => AwsenvError): Promise<T> {
  const attempt = await sdkAttempt(call, send, translate);
  if ('refusal' in attempt) throw attempt.error;
  return attempt.output;
}

/** The SDK's name and first words for --debug, with the HTTP status and the attempts made when there were any. */
function describeFailure(error: unknown): string {
  const { $metadata } = sdkFields(error);
  const status = $metadata?.httpStatusCode ? `HTTP ${$metadata.httpStatusCode} ` : '';
  const attempts = ($metadata?.attempts ?? 1) > 1 ? ` (${$metadata!.attempts} attempts)` : '';
  return `${status}${errorName(error)}: ${errorMessage(error)}${attempts}`;
}
