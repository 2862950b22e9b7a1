/**
 * What the SDK (client-sts, client-sso, client-sso-oidc 3.11xx) throws, field for field, as found by calling a
 * node:http server that answered each way; tests/aws/stsApiFaults.test.ts checks the STS shapes against the real
 * client on every run. Node's header names are lower case; $response is a hidden field, as on the SDK's errors.
 */
type Headers = Record<string, string>;

const withResponse = <E extends object>(error: E, status: number, headers: Headers): E =>
  Object.defineProperty(error, '$response', { value: { statusCode: status, headers }, enumerable: false });

const XML = { 'content-type': 'text/xml' };
const HTML = { 'content-type': 'text/html' };
const SDK_SENTENCE = '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

/** A node socket error, as the SDK passes it on. */
export const socketError = (code: string, message = `connect ${code} 127.0.0.1:4566`) => Object.assign(new Error(message), { code });

/** An error with a name and no answer (timeouts, aborts). */
export const named = (name: string, message = '', extra: object = {}) => Object.assign(new Error(message), { name, ...extra });

/** An error answer in the service's own protocol: the SDK names it after its code and sets $fault. */
export function serviceError(name: string, status: number, message = 'refused', options: { headers?: Headers; attempts?: number } = {}) {
  const error = Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, attempts: options.attempts ?? 1 } });
  return withResponse(error, status, options.headers ?? XML);
}

/** An error answer naming no error of the service (a proxy's page, an empty body, a redirect): the SDK says "Unknown". */
export const unnamedAnswer = (status: number, headers: Headers = XML, message = 'Unknown') => serviceError('Unknown', status, message, { headers });

export const htmlAnswer = (status: number) => unnamedAnswer(status, HTML);

export const redirect = (status: number, location?: string) => unnamedAnswer(status, { ...HTML, ...(location && { location }) });

/** An answer the SDK could not read: its parser's (or a value parser's) own error, with $metadata and no $fault. */
export function unreadableAnswer(status: number, kind: 'xml' | 'json' | 'date', headers: Headers = XML) {
  const error =
    kind === 'xml'
      ? new Error(`@aws-sdk XML parse error: unexpected end of input.${SDK_SENTENCE}`)
      : kind === 'json'
        ? new SyntaxError(`Unterminated string in JSON at position 30${SDK_SENTENCE}`)
        : new TypeError(`Invalid RFC3339 timestamp format tomorrow${SDK_SENTENCE}`);
  return withResponse(Object.assign(error, { $metadata: { httpStatusCode: status } }), status, headers);
}

/** The SDK's HTTP handler's own timeouts, in its own words. */
export const connectTimeout = () => named('TimeoutError', '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 3000 ms.', { $metadata: { attempts: 1 } });
export const requestTimeout = (attempts = 1) =>
  named('TimeoutError', '@smithy/node-http-handler - [ERROR] a request has exceeded the configured 6000 ms requestTimeout.', { code: 'ETIMEDOUT', $metadata: { attempts } });
/** What the SDK throws when the call's abortSignal fires. */
export const aborted = () => named('AbortError', 'Request aborted', { cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError') });
