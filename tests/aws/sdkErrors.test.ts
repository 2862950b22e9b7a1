import { AwsenvError } from '../../src/core/errors';
import type { Logger } from '../../src/core/logger';
import { sdkAttempt, sdkCall, type SdkCall } from '../../src/aws/sdkErrors';
import { htmlAnswer, named, serviceError, socketError } from '../support/sdkErrorShapes';

const ENDPOINT = 'https://sts.eu-west-1.amazonaws.com';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';


function recordingLogger() {
  const lines: string[] = [];
  const log: Logger = { debug: (message) => void lines.push(message), warn: (message) => void lines.push(`warn: ${message}`), notice: (message) => void lines.push(`notice: ${message}`) };
  return { lines, log };
}

const call = (log: Logger, detail?: string): SdkCall => ({ service: 'STS', operation: 'GetSessionToken', endpoint: ENDPOINT, profile: 'dev', log, detail, timeoutMs: 30000 });
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
    const refusal = serviceError('AuthorizationPendingException', 400, 'pending');
    const seen: unknown[] = [];
    const attempt = await sdkAttempt(call(log, 'device code'), () => Promise.reject(refusal), (error) => {
      seen.push(error);
      return translated;
    });
    expect(attempt).toEqual({ refusal: 'AuthorizationPendingException', error: translated });
    expect(seen).toEqual([refusal]);
    expect(lines).toEqual([`AWS call: STS GetSessionToken at ${ENDPOINT}, device code`, 'AWS call failed: HTTP 400 AuthorizationPendingException: pending']);
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

  it.each<{ why: string; error: unknown; detail: string }>([
    { why: 'an answer that is not the service', error: htmlAnswer(502), detail: `${ENDPOINT} answered STS GetSessionToken with HTTP 502 and an HTML page, not with STS's answer` },
    { why: 'a server error', error: serviceError('ServiceUnavailable', 503, 'Service is unable to handle request.', { attempts: 3 }), detail: `STS GetSessionToken at ${ENDPOINT} failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request, 3 attempts)` },
    { why: 'throttling', error: serviceError('Throttling', 400, 'Rate exceeded'), detail: `STS throttled GetSessionToken at ${ENDPOINT} (HTTP 400 Throttling: Rate exceeded)` },
  ])('turns $why into an unavailable error for the call, without translating it', async ({ error, detail }) => {
    const { lines, log } = recordingLogger();
    const translate = jest.fn(() => translated);
    const thrown = await sdkAttempt(call(log), () => Promise.reject(error), translate).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ kind: 'unavailable', profile: 'dev', detail, cause: error });
    expect(translate).not.toHaveBeenCalled();
    expect(lines[1]).toMatch(/^AWS call failed: HTTP \d{3} /);
  });

  it('passes the call its bound, and reports a call that outlives it as such', async () => {
    const { log } = recordingLogger();
    const bounded: SdkCall = { ...call(log), timeoutMs: 50 };
    const send = ({ abortSignal }: { abortSignal: AbortSignal }) =>
      new Promise((_resolve, reject) => abortSignal.addEventListener('abort', () => reject(named('AbortError', 'Request aborted'))));
    const thrown = await sdkAttempt(bounded, send, () => translated).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ kind: 'unavailable', detail: `STS GetSessionToken at ${ENDPOINT} did not finish within 0.1 s (--timeout)` });
    expect((thrown as AwsenvError).hint).toContain('--timeout');
  });
});

describe(sdkCall.name, () => {
  it('returns the output', async () => {
    const { log } = recordingLogger();
    await expect(sdkCall(call(log), async () => 42, () => translated)).resolves.toBe(42);
  });

  it('throws what translate made of a refusal', async () => {
    const { log } = recordingLogger();
    await expect(sdkCall(call(log), () => Promise.reject(serviceError('AccessDenied', 403)), () => translated)).rejects.toBe(translated);
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
