import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AwsenvError, type ErrorKind } from '../../src/core/errors';
import { webIdentityToken } from '../../src/providers/webIdentityToken';
import { listenOnLoopback, type LoopbackServer, type Reply } from '../fakes/loopbackServer';
import type { ReceivedRequest } from '../fakes/sigv4';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-webid-'));
const tokenFile = (name: string, content?: string) => {
  const file = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(file, content);
  return { source: 'file' as const, path: file };
};

async function failure(promise: Promise<unknown>): Promise<AwsenvError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AwsenvError);
  return error as AwsenvError;
}

describe(`${webIdentityToken.name} from a file`, () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Kubernetes and editors leave a newline after the token; STS would refuse it.
  test('the content, trimmed', async () => {
    await expect(webIdentityToken(tokenFile('token', '  eyJ.file.token\n'), {}, 'ci')).resolves.toBe('eyJ.file.token');
  });

  // Regression: an unreadable file threw at the call instead of rejecting the promise the function returns.
  test.each<{ why: string; name: string; content?: string; message: string }>([
    { why: 'a missing file', name: 'missing', message: `cannot read the web identity token file ${path.join(dir, 'missing')} (ENOENT)` },
    { why: 'a file of blanks', name: 'blank', content: ' \n', message: `the web identity token file ${path.join(dir, 'blank')} is empty` },
  ])('$why is a config error', async ({ name, content, message }) => {
    const error = await failure(webIdentityToken(tokenFile(name, content), {}, 'ci'));

    expect(error).toMatchObject({ kind: 'config', profile: 'ci', detail: message });
  });
});

describe(`${webIdentityToken.name} from GitHub Actions`, () => {
  // What the job is given to ask for ID tokens: it must stay out of every message.
  const REQUEST_TOKEN = 'ghs_request-token-secret';
  const github = { source: 'github' as const, audience: 'sts.amazonaws.com' };
  let server: LoopbackServer;
  let reply: Reply;
  const requests: ReceivedRequest[] = [];
  const env = () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN });
  const json = (status: number, body: object): Reply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await listenOnLoopback((request) => {
      requests.push(request);
      return reply;
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    requests.length = 0;
  });

  test('the value of a 200, asked for the audience with the request token', async () => {
    reply = json(200, { count: 14, value: 'eyJ.github.token' });

    await expect(webIdentityToken(github, env(), 'ci')).resolves.toBe('eyJ.github.token');
    expect(requests).toHaveLength(1);
    // The URL's own query (api-version) is kept: GitHub refuses a request without it.
    expect(new URL(requests[0].url, server.url).searchParams.toString()).toBe('api-version=2.0&audience=sts.amazonaws.com');
    expect(requests[0].headers.authorization).toBe(`bearer ${REQUEST_TOKEN}`);
  });

  test.each<{ why: string; answer: Reply; kind: ErrorKind; message: string }>([
    // A 4xx is the job's own setup (its permissions); a 5xx is GitHub failing, worth another run.
    { why: 'a 401', answer: json(401, { message: 'Unauthorized' }), kind: 'config', message: 'HTTP 401 from the token endpoint' },
    { why: 'a 500', answer: json(500, { message: `no token for ${REQUEST_TOKEN}` }), kind: 'unavailable', message: 'HTTP 500 from the token endpoint' },
    { why: 'a 200 without a value', answer: json(200, { count: 0 }), kind: 'unavailable', message: 'the token endpoint answered without a token' },
    { why: 'a 200 that is not JSON', answer: { status: 200, headers: {}, body: REQUEST_TOKEN }, kind: 'unavailable', message: 'the token endpoint answered without a token' },
  ])('$why is a $kind error', async ({ answer, kind, message }) => {
    reply = answer;

    const error = await failure(webIdentityToken(github, env(), 'ci'));

    expect(error).toMatchObject({ kind, profile: 'ci', hint: 'The job needs "permissions: id-token: write".' });
    expect(error.detail).toBe(`could not get the GitHub Actions ID token (${message})`);
    expect(`${error.message} ${error.hint}`).not.toContain(REQUEST_TOKEN);
  });

  test('a request URL that is not a URL is a config error', async () => {
    const error = await failure(webIdentityToken(github, { ...env(), ACTIONS_ID_TOKEN_REQUEST_URL: 'not a url' }, 'ci'));

    expect(error).toMatchObject({ kind: 'config', detail: 'could not get the GitHub Actions ID token (ACTIONS_ID_TOKEN_REQUEST_URL is not a URL)' });
  });

  test('an endpoint that does not answer is a network error', async () => {
    // Port 1 is privileged and unused: the connection is refused at once.
    const error = await failure(webIdentityToken(github, { ...env(), ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/idtoken' }, 'ci'));

    expect(error.kind).toBe('unavailable');
    expect(`${error.message} ${error.hint}`).not.toContain(REQUEST_TOKEN);
  });
});
