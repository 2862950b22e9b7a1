import { AwsenvError } from '../core/errors';
import { foreignAnswer } from './foreignAnswer';
import { mfaCodeNote } from './mfaCodeNote';
import { isNetworkError, networkError } from './networkError';
import { endpointSetting, seconds, type SdkCallAbout } from './sdkCallAbout';
import { errorMessage, errorName, httpStatus, sdkFields } from './sdkErrorFields';

// The SDK's own list of throttling names, for the services awsenv calls; HTTP 429 is throttling whatever its name.
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);

/**
 * The failures that mean "try again" rather than "fix something": no answer (or none within --timeout), a server
 * error or throttling, an answer that is not the service's. undefined for a refusal, which the service's translator
 * reads. These come first, so that no translator mistakes a proxy's page for a refusal.
 */
export function unavailableError(error: unknown, call: SdkCallAbout, timedOut: boolean): AwsenvError | undefined {
  const status = httpStatus(error);
  if (status === undefined) {
    if (timedOut) {
      const detail = `${call.service} ${call.operation} at ${call.endpoint} did not finish within ${seconds(call.timeoutMs)} (--timeout)`;
      return unavailable(call, detail, `Check the network connection and proxy, or give it longer with --timeout.`, false, error);
    }
    return isNetworkError(error) ? networkError(error, call) : undefined;
  }
  const foreign = foreignAnswer(error);
  if (foreign) return notTheService(call, status, foreign.what, foreign.reachedService, error);
  const name = errorName(error);
  const said = errorMessage(error).trim().replace(/\.$/, '');
  const what = `HTTP ${status}${name && !/^Unknown/.test(name) ? ` ${name}` : ''}${said && said !== name && !/^Unknown/.test(said) ? `: ${said}` : ''}${attemptsOf(error)}`;
  if (status === 429 || THROTTLING.has(name)) {
    // A throttled request is turned away before the service acts on it.
    return unavailable(call, `${call.service} throttled ${call.operation} at ${call.endpoint} (${what})`, 'Too many calls at once: try again in a moment.', true, error);
  }
  if (status >= 500) {
    return unavailable(call, `${call.service} ${call.operation} at ${call.endpoint} failed on the service's side (${what})`, 'Nothing to fix in your settings: try again in a moment.', false, error);
  }
  return undefined;
}

/** An answer that lacks what the service always sends (credentials, a token): not the service's answer. */
export function notTheService(call: SdkCallAbout, status: number | undefined, what: string, reachedService = true, cause?: unknown): AwsenvError {
  const detail = `${call.endpoint} answered ${call.service} ${call.operation} with ${status === undefined ? '' : `HTTP ${status} and `}${what}, not with ${call.service}'s answer`;
  const hint = `A proxy, a network sign-in page or a broken connection may be in the way: check them, and the endpoint settings (${endpointSetting(call.service)}, endpoint_url), then try again.`;
  return unavailable(call, detail, hint, !reachedService, cause);
}

function unavailable(call: SdkCallAbout, detail: string, hint: string, codeUnused: boolean, cause: unknown): AwsenvError {
  return new AwsenvError('unavailable', detail, { profile: call.profile, hint: [hint, mfaCodeNote(call, codeUnused)].filter(Boolean).join(' '), cause });
}

function attemptsOf(error: unknown): string {
  const attempts = sdkFields(error).$metadata?.attempts ?? 1;
  return attempts > 1 ? `, ${attempts} attempts` : '';
}
