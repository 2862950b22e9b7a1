import type { SdkCallAbout } from '../../src/aws/sdkCallAbout';
import { notTheService, unavailableError } from '../../src/aws/unavailableError';
import { aborted, htmlAnswer, redirect, serviceError, socketError, unnamedAnswer, unreadableAnswer } from '../support/sdkErrorShapes';

const AT = 'http://127.0.0.1:4566';
const call = (extra: Partial<SdkCallAbout> = {}): SdkCallAbout => ({ service: 'STS', operation: 'GetSessionToken', endpoint: AT, profile: 'dev', timeoutMs: 30000, ...extra });
const NOT_STS = "not with STS's answer";
const JSON_HEADERS = { 'content-type': 'application/json' };

// The words of the SDK that are for JavaScript programmers, never for the person at the shell.
const SDK_WORDS = /Deserialization|\$response|hidden field|@smithy|@aws-sdk|UnknownError|\bUnknown\b/;

interface Case {
  readonly why: string;
  readonly error: unknown;
  readonly detail: string;
  /** What the hint of a call that carried an MFA code says about the code. */
  readonly code: 'unused' | 'maybe spent';
  readonly service?: string;
  readonly operation?: string;
}

describe(unavailableError.name, () => {
  it.each<Case>([
    // Something other than the service answered.
    { why: 'a 302 to a sign-in page', error: redirect(302, 'https://login.example/'), detail: `${AT} answered STS GetSessionToken with HTTP 302 and a redirect to https://login.example/, ${NOT_STS}`, code: 'unused' },
    { why: 'a redirect without a Location', error: redirect(307), detail: `${AT} answered STS GetSessionToken with HTTP 307 and a redirect, ${NOT_STS}`, code: 'unused' },
    { why: "a proxy's block page", error: htmlAnswer(403), detail: `${AT} answered STS GetSessionToken with HTTP 403 and an HTML page, ${NOT_STS}`, code: 'unused' },
    { why: "a proxy's bad gateway page", error: htmlAnswer(502), detail: `${AT} answered STS GetSessionToken with HTTP 502 and an HTML page, ${NOT_STS}`, code: 'maybe spent' },
    { why: 'an error answer naming no STS error', error: unnamedAnswer(404), detail: `${AT} answered STS GetSessionToken with HTTP 404 and an error without a code, ${NOT_STS}`, code: 'maybe spent' },
    { why: 'XML cut short', error: unreadableAnswer(200, 'xml'), detail: `${AT} answered STS GetSessionToken with HTTP 200 and a body that is cut short or malformed, ${NOT_STS}`, code: 'maybe spent' },
    { why: 'a date that does not parse', error: unreadableAnswer(200, 'date'), detail: `${AT} answered STS GetSessionToken with HTTP 200 and a value that does not parse (a date or a number), ${NOT_STS}`, code: 'maybe spent' },
    {
      why: 'JSON cut short, from the portal',
      error: unreadableAnswer(200, 'json', JSON_HEADERS),
      service: 'SSO',
      operation: 'GetRoleCredentials',
      detail: `${AT} answered SSO GetRoleCredentials with HTTP 200 and a body that is cut short or malformed, not with SSO's answer`,
      code: 'maybe spent',
    },
    // The JSON protocols try to parse an HTML page before they look at the status.
    { why: 'an HTML page the JSON parser choked on', error: unreadableAnswer(502, 'json', { 'content-type': 'text/html' }), service: 'SSO OIDC', operation: 'CreateToken', detail: `${AT} answered SSO OIDC CreateToken with HTTP 502 and an HTML page, not with SSO OIDC's answer`, code: 'maybe spent' },

    // The service, failing or overloaded.
    { why: 'InternalFailure', error: serviceError('InternalFailure', 500, 'The request processing has failed.'), detail: `STS GetSessionToken at ${AT} failed on the service's side (HTTP 500 InternalFailure: The request processing has failed)`, code: 'maybe spent' },
    { why: 'ServiceUnavailable, retried', error: serviceError('ServiceUnavailable', 503, 'Service is unable to handle request.', { attempts: 3 }), detail: `STS GetSessionToken at ${AT} failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request, 3 attempts)`, code: 'maybe spent' },
    { why: 'an empty 500', error: unnamedAnswer(500), detail: `STS GetSessionToken at ${AT} failed on the service's side (HTTP 500)`, code: 'maybe spent' },
    { why: "a 500 whose body names nothing but says something", error: unnamedAnswer(500, JSON_HEADERS, 'boom'), detail: `STS GetSessionToken at ${AT} failed on the service's side (HTTP 500: boom)`, code: 'maybe spent' },
    ...['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException'].map((name): Case => ({
      why: name,
      error: serviceError(name, 400, 'Rate exceeded'),
      detail: `STS throttled GetSessionToken at ${AT} (HTTP 400 ${name}: Rate exceeded)`,
      code: 'unused',
    })),
    { why: 'HTTP 429, whatever its name', error: serviceError('SlowDownPlease', 429, 'slow'), detail: `STS throttled GetSessionToken at ${AT} (HTTP 429 SlowDownPlease: slow)`, code: 'unused' },

    // No answer.
    { why: 'no connection', error: socketError('ECONNREFUSED'), detail: `cannot reach STS at ${AT} (connect ECONNREFUSED 127.0.0.1:4566)`, code: 'unused' },
  ])('$why', ({ error, detail, code, service = 'STS', operation = 'GetSessionToken' }) => {
    const plain = unavailableError(error, call({ service, operation }), false)!;
    expect(plain).toMatchObject({ kind: 'unavailable', profile: 'dev', detail, cause: error });
    expect(plain.hint).not.toMatch(/MFA/);
    expect(`${plain.message}\n${plain.hint}`).not.toMatch(SDK_WORDS);

    const withCode = unavailableError(error, call({ service, operation, mfaCode: true }), false)!;
    expect(withCode.hint).toMatch(code === 'unused' ? /did not use the MFA code: run again with the same code/ : /may have used the MFA code .*: wait for the next code/);
  });

  it.each([
    ['STS', 'AWS_ENDPOINT_URL_STS'],
    ['SSO', 'AWS_ENDPOINT_URL_SSO'],
  ])("the hint for %s's foreign answers names a proxy and %s", (service, variable) => {
    expect(unavailableError(htmlAnswer(200), call({ service }), false)!.hint).toBe(
      `A proxy, a network sign-in page or a broken connection may be in the way: check them, and the endpoint settings (${variable}, endpoint_url), then try again.`,
    );
  });

  it('a call that outlived --timeout says so, whatever the SDK made of the abort', () => {
    const error = unavailableError(aborted(), call({ timeoutMs: 5000 }), true)!;
    expect(error.detail).toBe(`STS GetSessionToken at ${AT} did not finish within 5 s (--timeout)`);
    expect(error.hint).toContain('--timeout');
  });

  it.each<{ why: string; error: unknown }>([
    { why: 'a refusal', error: serviceError('AccessDenied', 403, 'denied') },
    { why: 'a bad request', error: serviceError('ValidationError', 400, 'bad') },
    { why: 'a plain error', error: new Error('boom') },
    { why: 'nothing at all', error: undefined },
  ])('leaves $why to the service translator', ({ error }) => {
    expect(unavailableError(error, call(), false)).toBeUndefined();
  });
});

describe(notTheService.name, () => {
  it('names the endpoint, the status and what came back', () => {
    const error = notTheService(call({ operation: 'AssumeRole' }), 200, 'an answer without usable credentials');
    expect(error).toMatchObject({ kind: 'unavailable', detail: `${AT} answered STS AssumeRole with HTTP 200 and an answer without usable credentials, ${NOT_STS}` });
  });
});
