import net from 'node:net';
import { LOGIN_PAGE, type FakeSts, type StsFault } from '../fakes/sts';
import { cacheFiles, makeHome, runCli, type CliResult } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// STS answering as proxies, sign-in pages and overloaded services do; the CLI as a script sees it: exit code, stdout,
// the one message, and the calls the fake logged.
let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());
afterEach(() => sts.injectFaults());

let nextCode = 300000;
const freshCode = () => String(nextCode++);
const UNAVAILABLE = 6;
const SDK_WORDS = /Deserialization|\$response|hidden field|@smithy|@aws-sdk|UnknownError|\bUnknown\b|^\s+at /m;

async function run(args: string[], options: { timeoutMs?: number; endpoint?: string } = {}): Promise<CliResult & { home: string; calls: FakeSts['calls'] }> {
  const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const before = sts.calls.length;
  const result = await runCli(args, { env: { ...env, AWS_ENDPOINT_URL_STS: options.endpoint ?? sts.url }, timeoutMs: options.timeoutMs });
  return { ...result, home, calls: sts.calls.slice(before) };
}

/** One message and its hint on stderr, nothing on stdout, no SDK words, no stack. */
function expectOneMessage(result: CliResult, exitCode: number, ...fragments: (string | RegExp)[]) {
  expect(result.stdout).toBe('');
  expect(result.code).toBe(exitCode);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^awsenv: profile "[^"]+": /);
  expect(lines[1]).toMatch(/^ {2}\S/);
  expect(result.stderr).not.toMatch(SDK_WORDS);
  for (const fragment of fragments) expect(result.stderr).toMatch(fragment);
}

const SAME_CODE = 'STS did not use the MFA code: run again with the same code';
const NEXT_CODE = 'STS may have used the MFA code before the call failed: wait for the next code';
const PROXY_HINT = 'A proxy, a network sign-in page or a broken connection may be in the way: check them, and the endpoint settings (AWS_ENDPOINT_URL_STS, endpoint_url)';

interface Case {
  readonly fault: StsFault;
  readonly says: string;
  readonly hint: string;
  /** What the message says of the MFA code the call carried. */
  readonly code: string;
}

const answeredWith = (what: string) => `answered STS GetSessionToken with ${what}, not with STS's answer`;
const cases: Case[] = [
  { fault: 'htmlPage', says: answeredWith('HTTP 200 and an answer without usable credentials'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'badGateway', says: answeredWith('HTTP 502 and an HTML page'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'proxyDenied', says: answeredWith('HTTP 403 and an HTML page'), hint: PROXY_HINT, code: SAME_CODE },
  { fault: 'loginRedirect', says: answeredWith(`HTTP 302 and a redirect to ${LOGIN_PAGE}`), hint: PROXY_HINT, code: SAME_CODE },
  { fault: 'emptyBody', says: answeredWith('HTTP 200 and an answer without usable credentials'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'truncated', says: answeredWith('HTTP 200 and a body that is cut short or malformed'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'noCredentials', says: answeredWith('HTTP 200 and an answer without usable credentials'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'badExpiration', says: answeredWith('HTTP 200 and a value that does not parse (a date or a number)'), hint: PROXY_HINT, code: NEXT_CODE },
  { fault: 'internalError', says: "STS GetSessionToken at URL failed on the service's side (HTTP 500 InternalFailure:", hint: 'try again in a moment', code: NEXT_CODE },
  { fault: 'serviceUnavailable', says: "STS GetSessionToken at URL failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request)", hint: 'try again in a moment', code: NEXT_CODE },
  { fault: 'throttling', says: 'STS throttled GetSessionToken at URL (HTTP 400 Throttling: Rate exceeded)', hint: 'Too many calls at once: try again in a moment', code: SAME_CODE },
];

describe('an answer that is not a refusal exits 6, "try again", with one message naming the endpoint and the status', () => {
  test.each(cases)('$fault, on the MFA call: one attempt, and what to do with the code', async ({ fault, says, hint, code }) => {
    sts.injectFaults(fault);
    const result = await run(['alice', '--mfa-code', freshCode()]);
    expectOneMessage(result, UNAVAILABLE, says.replace('URL', sts.url), hint, code);
    expect(result.stderr).toContain(sts.url);
    expect(result.calls.map((call) => [call.action, call.fault])).toEqual([['GetSessionToken', fault]]);
    expect(cacheFiles(result.home)).toEqual([]);
  });
});

describe('retries: the SDK tries a call without an MFA code again, within --timeout', () => {
  test.each<StsFault>(['serviceUnavailable', 'internalError', 'throttling', 'badGateway'])('%s, then STS: exported, with 2 calls', async (fault) => {
    sts.injectFaults(fault);
    const result = await run(['partner']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('export AWS_SESSION_TOKEN=');
    expect(result.calls.map((call) => [call.action, call.fault, call.status])).toEqual([
      ['AssumeRole', fault, expect.any(Number)],
      ['AssumeRole', undefined, 200],
    ]);
  });

  test('a fault that lasts: 3 attempts, then the message counts them', async () => {
    sts.injectFaults('serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable');
    const result = await run(['partner']);
    expect(result.code).toBe(UNAVAILABLE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`STS AssumeRole at ${sts.url} failed on the service's side (HTTP 503 ServiceUnavailable: Service is unable to handle request, 3 attempts)`);
    expect(result.stderr).not.toMatch(/MFA/);
    expect(result.calls).toHaveLength(3);
  });

  test('the MFA call is never tried again: 503 is one call, and the message says to wait for the next code', async () => {
    sts.injectFaults('serviceUnavailable');
    const result = await run(['alice', '--mfa-code', freshCode()]);
    expectOneMessage(result, UNAVAILABLE, 'HTTP 503', NEXT_CODE);
    expect(result.calls).toHaveLength(1);
  });

  test('a code the request never brought to STS works on the next run', async () => {
    const code = freshCode();
    sts.injectFaults('loginRedirect');
    expectOneMessage(await run(['alice', '--mfa-code', code]), UNAVAILABLE, SAME_CODE);
    const again = await run(['alice', '--mfa-code', code]);
    expect(again.code).toBe(0);
    expect(again.calls.map((call) => [call.action, call.status])).toEqual([['GetSessionToken', 200]]);
  });

  test('an endpoint that never answers is given up at --timeout, not later', async () => {
    const silent = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const started = Date.now();
      const result = await run(['partner', '--timeout', '2s'], { endpoint: url });
      expectOneMessage(result, UNAVAILABLE, `STS AssumeRole at ${url} did not finish within 2 s (--timeout)`, '--timeout');
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      silent.close();
    }
  });

  test('a --timeout that is not a duration is a usage error, before any call', async () => {
    const result = await run(['partner', '--timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timeout "soon" is not a duration');
    expect(result.calls).toHaveLength(0);
  });
});
