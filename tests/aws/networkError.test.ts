import { isNetworkError, neverConnected, networkError } from '../../src/aws/networkError';
import type { SdkCallAbout } from '../../src/aws/sdkCallAbout';
import { connectTimeout, named, requestTimeout, serviceError, socketError } from '../support/sdkErrorShapes';

const ENDPOINT = 'https://sts.eu-west-1.amazonaws.com';
const call = (extra: Partial<SdkCallAbout> = {}): SdkCallAbout => ({ service: 'STS', operation: 'GetSessionToken', endpoint: ENDPOINT, profile: 'dev', timeoutMs: 30000, ...extra });

describe(isNetworkError.name, () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE'])('%s is a network error', (code) => {
    expect(isNetworkError(socketError(code))).toBe(true);
  });

  it.each<{ why: string; error: unknown; network: boolean }>([
    { why: 'a socket code wins over an HTTP status', error: { code: 'ECONNRESET', $metadata: { httpStatusCode: 200 } }, network: true },
    { why: 'TimeoutError without an answer', error: named('TimeoutError'), network: true },
    { why: 'AbortError without an answer', error: named('AbortError'), network: true },
    { why: 'RequestTimeout without an answer', error: named('RequestTimeout'), network: true },
    { why: 'TimeoutError with an HTTP status: AWS answered', error: serviceError('TimeoutError', 504), network: false },
    { why: 'RequestTimeout with an HTTP status: AWS answered', error: serviceError('RequestTimeout', 408), network: false },
    { why: 'an HTTP refusal', error: serviceError('AccessDenied', 403), network: false },
    { why: 'a server error', error: serviceError('InternalFailure', 500), network: false },
    { why: 'another socket code', error: socketError('EACCES'), network: false },
    { why: 'a plain error', error: new Error('boom'), network: false },
    { why: 'undefined', error: undefined, network: false },
    { why: 'null', error: null, network: false },
  ])('$why → $network', ({ error, network }) => {
    expect(isNetworkError(error)).toBe(network);
  });
});

describe(neverConnected.name, () => {
  it.each<{ why: string; error: unknown; never: boolean }>([
    ...['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].map((code) => ({ why: code, error: socketError(code), never: true })),
    { why: 'the SDK gave up connecting', error: connectTimeout(), never: true },
    { why: 'the OS gave up connecting', error: socketError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443'), never: true },
    // The request was on its way, or sent: the service may have acted on it.
    { why: 'a reset', error: socketError('ECONNRESET', 'read ECONNRESET'), never: false },
    { why: 'a broken pipe', error: socketError('EPIPE', 'write EPIPE'), never: false },
    { why: 'no answer in time', error: requestTimeout(), never: false },
    { why: 'a hang-up', error: socketError('ECONNRESET', 'socket hang up'), never: false },
  ])('$why → $never', ({ error, never }) => {
    expect(neverConnected(error)).toBe(never);
  });
});

describe(networkError.name, () => {
  it.each<{ why: string; error: unknown; said: string }>([
    { why: 'a message that names its code is kept as it is', error: socketError('ECONNREFUSED'), said: 'connect ECONNREFUSED 127.0.0.1:4566' },
    { why: 'a message without its code gets the code in front', error: socketError('ENOTFOUND', 'getaddrinfo failed'), said: 'ENOTFOUND: getaddrinfo failed' },
    { why: 'no code: the message', error: named('TimeoutError', ' timed out after 6000 ms '), said: 'timed out after 6000 ms' },
    { why: 'no code, no message: the name', error: named('AbortError'), said: 'AbortError' },
    // The SDK's HTTP handler words its timeouts for programmers.
    { why: "the SDK's connection timeout", error: connectTimeout(), said: 'no connection within 3 s' },
    { why: "the SDK's request timeout", error: requestTimeout(), said: 'no answer within 6 s' },
  ])('$why', ({ error, said }) => {
    const translated = networkError(error, call());
    expect(translated.kind).toBe('unavailable');
    expect(translated.profile).toBe('dev');
    expect(translated.detail).toBe(`cannot reach STS at ${ENDPOINT} (${said})`);
    expect(translated.cause).toBe(error);
  });

  it('counts the attempts the SDK made', () => {
    expect(networkError(requestTimeout(3), call()).detail).toBe(`cannot reach STS at ${ENDPOINT} after 3 attempts (no answer within 6 s)`);
  });

  it.each([
    ['STS', 'AWS_ENDPOINT_URL_STS'],
    ['SSO', 'AWS_ENDPOINT_URL_SSO'],
    ['SSO OIDC', 'AWS_ENDPOINT_URL_SSO_OIDC'],
  ])('the hint for %s names %s', (service, variable) => {
    const hint = networkError(socketError('ECONNREFUSED'), call({ service })).hint;
    expect(hint).toContain(`(${variable}, endpoint_url)`);
    expect(hint).toContain('proxy');
  });

  it.each<{ why: string; error: unknown; says: RegExp }>([
    { why: 'no connection: the code is unspent', error: socketError('ECONNREFUSED'), says: /did not use the MFA code: run again with the same code/ },
    { why: 'the answer was lost: it may be spent', error: requestTimeout(), says: /may have used the MFA code .*: wait for the next code/ },
  ])('with an MFA code in the call, the hint says what became of it: $why', ({ error, says }) => {
    expect(networkError(error, call({ mfaCode: true })).hint).toMatch(says);
    expect(networkError(error, call()).hint).not.toMatch(/MFA/);
  });
});
