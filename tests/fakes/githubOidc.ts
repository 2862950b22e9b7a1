import { noteSecret } from '../support/secrets';
import { randomUUID } from 'node:crypto';
import { listenOnLoopback, Reply } from './loopbackServer';
import { header } from './sigv4';
import { fakeJwt } from './webIdentityToken';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const GITHUB_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

export interface FakeGithubOidcOptions {
  /** What the job sees in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** The ID token to answer for an audience; githubIdToken makes one shaped like GitHub's. */
  mint: (audience: string) => string;
  /** The aud of a token requested without an audience: GitHub uses the URL of the repository owner. */
  defaultAudience?: string;
}

export interface GithubOidcCall {
  /** Path and query as requested. */
  path: string;
  authorization?: string;
  /** The audience query parameter; undefined when the job asked for none. */
  audience?: string;
  status: number;
  /** The ID token answered. */
  token?: string;
}

export interface FakeGithubOidc {
  /** The whole ACTIONS_ID_TOKEN_REQUEST_URL, query string included; the client appends "&audience=…". */
  url: string;
  /** Every request in the order answered, failures included. */
  calls: GithubOidcCall[];
  /** Every ID token handed out, as a live array: give it to the fake STS as webIdentity.tokens. */
  issued: readonly string[];
  close(): Promise<void>;
}

/** An ID token shaped like the ones GitHub Actions mints, for `audience`; it lasts five minutes. */
export function githubIdToken(audience: string, subject = GITHUB_SUBJECT): string {
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({
    iss: GITHUB_ISSUER,
    sub: subject,
    aud: audience,
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    ref: 'refs/heads/main',
    iat: now,
    nbf: now,
    exp: now + 300,
  });
}

/**
 * The ID token endpoint a GitHub Actions job with `permissions: id-token: write` calls (what @actions/core's
 * getIDToken does): GET ACTIONS_ID_TOKEN_REQUEST_URL plus "&audience=…", with "Authorization: Bearer <request token>".
 */
export async function startFakeGithubOidc(options: FakeGithubOidcOptions): Promise<FakeGithubOidc> {
  // The real URL is a job's own path under the run service, with the API version already in its query.
  const path = `/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`;
  const calls: GithubOidcCall[] = [];
  const issued: string[] = [];
  const server = await listenOnLoopback((request) => {
    const url = new URL(request.url, 'http://unused');
    const call: GithubOidcCall = {
      path: request.url,
      authorization: header(request.headers, 'authorization'),
      audience: url.searchParams.get('audience') ?? undefined,
      status: 200,
    };
    const reply = answer(request.method, url, call);
    call.status = reply.status;
    calls.push(call);
    return reply;
  });

  function answer(method: string, url: URL, call: GithubOidcCall): Reply {
    if (method !== 'GET' || url.pathname !== path) return plain(404, 'Not Found');
    // A client that replaced the query instead of appending to it loses api-version.
    if (url.searchParams.get('api-version') !== '2.0') return plain(400, 'api-version 2.0 is required');
    // The scheme is case-insensitive: @actions/core sends "Bearer", GitHub's curl examples "bearer".
    const [scheme, credential] = (call.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || credential !== options.requestToken) return plain(401, 'Unauthorized');
    call.token = options.mint(call.audience ?? options.defaultAudience ?? 'https://github.com/octo-org');
    issued.push(call.token);
    noteSecret(call.token);
    // GitHub sends a count beside the token; clients read only value.
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ count: call.token.length, value: call.token }) };
  }

  return { url: `${server.url}${path}?api-version=2.0`, calls, issued, close: server.close };
}

function plain(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}
