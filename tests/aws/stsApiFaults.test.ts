import { createStsApi, type StsApi } from '../../src/aws/stsApi';
import { AwsenvError } from '../../src/core/errors';
import { LOGIN_PAGE, type StsFault } from '../fakes/sts';
import { BASE_ROLE, alice, useFakeSts } from '../fakes/stsTestKit';
import { recordingLogger } from '../support/recordingLogger';

// The real SDK client against the fake STS answering badly: what the SDK makes of each answer is part of the test.
const kit = useFakeSts();
const SDK_WORDS = /Deserialization|\$response|hidden field|@smithy|@aws-sdk|UnknownError|\bUnknown\b/;

function api(timeoutMs = 30000): Promise<StsApi> {
  return createStsApi({ region: 'eu-west-1', endpoint: kit.fake().url }, { accessKeyId: alice.accessKeyId, secretAccessKey: alice.secretAccessKey }, { profile: 'alice', signedBy: 'alice', signerKind: 'keys' }, recordingLogger(), timeoutMs);
}

const withCode = async () => (await api()).getSessionToken({ SerialNumber: alice.mfaSerial, TokenCode: '123456' });
const withoutCode = async () => (await api()).assumeRole({ RoleArn: BASE_ROLE, RoleSessionName: 'faults' });

async function failure(run: () => Promise<unknown>): Promise<AwsenvError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AwsenvError);
  return error as AwsenvError;
}

interface Case {
  readonly fault: StsFault;
  /** What the message says came back, after "answered STS <operation> with " or in its place. */
  readonly says: string;
  /** Whether the SDK's standard strategy tries such a call again. */
  readonly retried: boolean;
  /** Whether STS can have read the request (so an MFA code in it may be spent). */
  readonly spent: boolean;
}

const cases: Case[] = [
  { fault: 'htmlPage', says: 'with HTTP 200 and an answer without usable credentials, not with STS\'s answer', retried: false, spent: true },
  { fault: 'badGateway', says: 'with HTTP 502 and an HTML page, not with STS\'s answer', retried: true, spent: true },
  { fault: 'proxyDenied', says: 'with HTTP 403 and an HTML page, not with STS\'s answer', retried: false, spent: false },
  { fault: 'loginRedirect', says: `with HTTP 302 and a redirect to ${LOGIN_PAGE}, not with STS's answer`, retried: false, spent: false },
  { fault: 'emptyBody', says: 'with HTTP 200 and an answer without usable credentials, not with STS\'s answer', retried: false, spent: true },
  { fault: 'truncated', says: 'with HTTP 200 and a body that is cut short or malformed, not with STS\'s answer', retried: false, spent: true },
  { fault: 'noCredentials', says: 'with HTTP 200 and an answer without usable credentials, not with STS\'s answer', retried: false, spent: true },
  { fault: 'badExpiration', says: 'with HTTP 200 and a value that does not parse (a date or a number), not with STS\'s answer', retried: false, spent: true },
  { fault: 'internalError', says: "failed on the service's side (HTTP 500 InternalFailure: The request processing has failed because of an unknown error, exception or failure)", retried: true, spent: true },
  { fault: 'serviceUnavailable', says: "failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request)", retried: true, spent: true },
  { fault: 'throttling', says: 'STS throttled GetSessionToken', retried: true, spent: false },
];

describe('STS answers that are not refusals', () => {
  it.each(cases)('$fault, on a call with an MFA code: one attempt, one message, and what became of the code', async ({ fault, says, spent }) => {
    kit.fake().injectFaults(fault);
    const error = await failure(withCode);
    expect(error.kind).toBe('unavailable');
    expect(error.profile).toBe('alice');
    expect(error.detail).toContain(says);
    expect(error.detail).toContain(kit.fake().url);
    expect(`${error.message}\n${error.hint}`).not.toMatch(SDK_WORDS);
    expect(error.hint).toMatch(spent ? /may have used the MFA code .*: wait for the next code/ : /did not use the MFA code: run again with the same code/);
    expect(kit.fake().calls.map((call) => call.fault)).toEqual([fault]);
  });

  it.each(cases.filter((c) => c.retried))('$fault once, on a call without an MFA code: the SDK tries again and succeeds', async ({ fault }) => {
    kit.fake().injectFaults(fault);
    await expect(withoutCode()).resolves.toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/) });
    expect(kit.fake().calls.map((call) => [call.fault, call.status])).toEqual([[fault, expect.any(Number)], [undefined, 200]]);
  });

  it.each(cases.filter((c) => !c.retried))('$fault, on a call without an MFA code: not tried again, and no word about a code', async ({ fault }) => {
    kit.fake().injectFaults(fault);
    const error = await failure(withoutCode);
    expect(error.kind).toBe('unavailable');
    expect(error.hint).not.toMatch(/MFA/);
    expect(kit.fake().callCount()).toBe(1);
  });

  it('a fault that lasts: three attempts, then a message that counts them', async () => {
    kit.fake().injectFaults('serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable');
    const error = await failure(withoutCode);
    expect(error.detail).toBe(`STS AssumeRole at ${kit.fake().url} failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request, 3 attempts)`);
    expect(kit.fake().callCount()).toBe(3);
  });

  it('a damaged answer to a call with an MFA code is STS\'s real answer: the code is spent at STS', async () => {
    kit.fake().injectFaults('truncated');
    await failure(withCode);
    const retry = await failure(withCode);
    expect(retry.kind).toBe('aws');
    expect(retry.detail).toContain('AWS rejected the MFA code');
  });
});
