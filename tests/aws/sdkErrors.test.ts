import { AwsenvError } from '../../src/core/errors';
import type { Logger } from '../../src/core/logger';
import { isNetworkError, networkError, sdkAttempt, sdkCall, type SdkCall } from '../../src/aws/sdkErrors';

const ENDPOINT = 'https://sts.eu-west-1.amazonaws.com';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A node socket error, as the SDK passes it on. */
const socketError = (code: string, message = `connect ${code} 127.0.0.1:4566`) => Object.assign(new Error(message), { code });
/** What the SDK throws when the service answered. */
const answered = (name: string, httpStatusCode: number, message = 'refused') => Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe(isNetworkError.name, () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE'])('%s is a network error', (code) => {
    expect(isNetworkError(socketError(code))).toBe(true);
  });

  it.each<{ why: string; error: unknown; network: boolean }>([
    { why: 'a socket code wins over an HTTP status', error: { code: 'ECONNRESET', $metadata: { httpStatusCode: 200 } }, network: true },
    { why: 'TimeoutError without an answer', error: named('TimeoutError'), network: true },
    { why: 'AbortError without an answer', error: named('AbortError'), network: true },
    { why: 'RequestTimeout without an answer', error: named('RequestTimeout'), network: true },
    { why: 'TimeoutError with an HTTP status: AWS answered', error: answered('TimeoutError', 504), network: false },
    { why: 'RequestTimeout with an HTTP status: AWS answered', error: answered('RequestTimeout', 408), network: false },
    { why: 'an HTTP refusal', error: answered('AccessDenied', 403), network: false },
    { why: 'a server error', error: answered('InternalFailure', 500), network: false },
    { why: 'another socket code', error: socketError('EACCES'), network: false },
    { why: 'a plain error', error: new Error('boom'), network: false },
    { why: 'undefined', error: undefined, network: false },
    { why: 'null', error: null, network: false },
  ])('$why → $network', ({ error, network }) => {
    expect(isNetworkError(error)).toBe(network);
  });
});

describe(networkError.name, () => {
  it.each<{ why: string; error: unknown; said: string }>([
    { why: 'a message that names its code is kept as it is', error: socketError('ECONNREFUSED'), said: 'connect ECONNREFUSED 127.0.0.1:4566' },
    { why: 'a message without its code gets the code in front', error: socketError('ENOTFOUND', 'getaddrinfo failed'), said: 'ENOTFOUND: getaddrinfo failed' },
    { why: 'no code: the message', error: named('TimeoutError', ' timed out after 6000 ms '), said: 'timed out after 6000 ms' },
    { why: 'no code, no message: the name', error: named('AbortError'), said: 'AbortError' },
  ])('$why', ({ error, said }) => {
    const translated = networkError(error, 'STS', ENDPOINT, 'dev');
    expect(translated.kind).toBe('unavailable');
    expect(translated.profile).toBe('dev');
    expect(translated.detail).toBe(`cannot reach STS at ${ENDPOINT} (${said})`);
    expect(translated.cause).toBe(error);
  });

  it.each([
    ['STS', 'AWS_ENDPOINT_URL_STS'],
    ['SSO', 'AWS_ENDPOINT_URL_SSO'],
    ['SSO OIDC', 'AWS_ENDPOINT_URL_SSO_OIDC'],
  ])('the hint for %s names %s', (service, variable) => {
    const hint = networkError(socketError('ECONNREFUSED'), service, ENDPOINT, 'dev').hint;
    expect(hint).toContain(`(${variable}, endpoint_url)`);
    expect(hint).toContain('proxy');
  });
});

function recordingLogger() {
  const lines: string[] = [];
  const log: Logger = { debug: (message) => void lines.push(message), warn: (message) => void lines.push(`warn: ${message}`) };
  return { lines, log };
}

const call = (log: Logger, detail?: string): SdkCall => ({ service: 'STS', operation: 'GetSessionToken', endpoint: ENDPOINT, profile: 'dev', log, detail });
const translated = new AwsenvError('aws', 'translated', { profile: 'dev' });

describe(sdkAttempt.name, () => {
  it('returns the output and logs the call with the detail given', async () => {
    const { lines, log } = recordingLogger();
    // The request carries a secret; only the detail may reach the debug lines.
    const request = { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', secret: SECRET };
    const attempt = await sdkAttempt(call(log, 'signed by alice'), async () => ({ echoed: request.SerialNumber }), () => translated);
    expect(attempt).toEqual({ output: { echoed: request.SerialNumber } });
    expect(lines).toEqual([`AWS call: STS GetSessionToken at ${ENDPOINT}, signed by alice`]);
  });

  it('adds nothing to the call line when no detail is given', async () => {
    const { lines, log } = recordingLogger();
    await sdkAttempt(call(log), async () => SECRET, () => translated);
    expect(lines).toEqual([`AWS call: STS GetSessionToken at ${ENDPOINT}`]);
  });

  it('returns a refusal by its name beside what translate made of it, and logs the failure', async () => {
    const { lines, log } = recordingLogger();
    const refusal = answered('AuthorizationPendingException', 400, 'pending');
    const seen: unknown[] = [];
    const attempt = await sdkAttempt(call(log, 'device code'), () => Promise.reject(refusal), (error) => {
      seen.push(error);
      return translated;
    });
    expect(attempt).toEqual({ refusal: 'AuthorizationPendingException', error: translated });
    expect(seen).toEqual([refusal]);
    expect(lines).toEqual([`AWS call: STS GetSessionToken at ${ENDPOINT}, device code`, 'AWS call failed: AuthorizationPendingException: pending']);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('lets an AwsenvError thrown by send through untouched, without translating it', async () => {
    const { log } = recordingLogger();
    const own = new AwsenvError('interaction', 'no terminal for the MFA code', { profile: 'dev' });
    const translate = jest.fn(() => translated);
    await expect(sdkAttempt(call(log), () => Promise.reject(own), translate)).rejects.toBe(own);
    expect(translate).not.toHaveBeenCalled();
  });

  it('turns a network failure into a network error for the call, without translating it', async () => {
    const { lines, log } = recordingLogger();
    const translate = jest.fn(() => translated);
    const failure = socketError('ECONNREFUSED');
    const thrown = await sdkAttempt(call(log), () => Promise.reject(failure), translate).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(AwsenvError);
    expect(thrown).toMatchObject({ kind: 'unavailable', profile: 'dev', cause: failure });
    expect((thrown as AwsenvError).detail).toBe(`cannot reach STS at ${ENDPOINT} (connect ECONNREFUSED 127.0.0.1:4566)`);
    expect(translate).not.toHaveBeenCalled();
    expect(lines[1]).toBe('AWS call failed: Error: connect ECONNREFUSED 127.0.0.1:4566');
  });
});

describe(sdkCall.name, () => {
  it('returns the output', async () => {
    const { log } = recordingLogger();
    await expect(sdkCall(call(log), async () => 42, () => translated)).resolves.toBe(42);
  });

  it('throws what translate made of a refusal', async () => {
    const { log } = recordingLogger();
    await expect(sdkCall(call(log), () => Promise.reject(answered('AccessDenied', 403)), () => translated)).rejects.toBe(translated);
  });

  it('throws a network error for a network failure', async () => {
    const { log } = recordingLogger();
    await expect(sdkCall(call(log), () => Promise.reject(named('TimeoutError')), () => translated)).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('lets an AwsenvError through untouched', async () => {
    const { log } = recordingLogger();
    const own = new AwsenvError('config', 'no region');
    await expect(sdkCall(call(log), () => Promise.reject(own), () => translated)).rejects.toBe(own);
  });
});
