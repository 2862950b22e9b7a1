import { randomBytes } from 'node:crypto';
import { listenOnLoopback, Reply } from './loopbackServer';
import { isoSeconds } from './stsCredentials';
import type { MetadataCredentials } from './metadataCredentials';
import { ReceivedRequest, header } from './sigv4';

export type { MetadataCredentials } from './metadataCredentials';
export { stsRoleCredentials } from './metadataCredentials';

export interface FakeImdsOptions {
  /** The instance profile's role name, listed under security-credentials/. */
  roleName: string;
  /** Asked on every credentials request; stsRoleCredentials gives ones the fake STS accepts. */
  credentials: () => MetadataCredentials;
  /** IMDSv2 only (HttpTokens=required), the default: a GET without a session token answers 401. */
  requireToken?: boolean;
}

export interface ImdsCall {
  method: string;
  path: string;
  /** The session token the request presented (X-aws-ec2-metadata-token). */
  token?: string;
  /** The TTL a token request asked for (X-aws-ec2-metadata-token-ttl-seconds). */
  ttlSeconds?: string;
  status: number;
}

export interface FakeImds {
  /** e.g. "http://127.0.0.1:40123", for AWS_EC2_METADATA_SERVICE_ENDPOINT. */
  url: string;
  /** Every request in the order answered, failures included. */
  calls: ImdsCall[];
  close(): Promise<void>;
}

const TOKEN_PATH = '/latest/api/token';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';
const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const MAX_TTL_SECONDS = 21600;

/**
 * The EC2 instance metadata service on 127.0.0.1, as far as credentials go: IMDSv2 session tokens (PUT
 * /latest/api/token) and the instance profile's role credentials, so the SDK's fromInstanceMetadata runs unchanged.
 */
export async function startFakeImds(options: FakeImdsOptions): Promise<FakeImds> {
  const requireToken = options.requireToken ?? true;
  /** Session token → when it stops working, in ms. */
  const tokens = new Map<string, number>();
  const calls: ImdsCall[] = [];
  const server = await listenOnLoopback((request) => {
    const path = new URL(request.url, 'http://unused').pathname;
    const reply = request.method === 'PUT' && path === TOKEN_PATH ? issueToken(request, tokens) : answerGet(request, path);
    calls.push({
      method: request.method,
      path,
      token: header(request.headers, TOKEN_HEADER),
      ttlSeconds: header(request.headers, TTL_HEADER),
      status: reply.status,
    });
    return reply;
  });

  function answerGet(request: ReceivedRequest, path: string): Reply {
    if (request.method !== 'GET') return errorPage(405, 'Method Not Allowed');
    const token = header(request.headers, TOKEN_HEADER);
    // A token is checked whenever one is sent, even where IMDSv1 is still allowed.
    const tokenValid = token !== undefined && (tokens.get(token) ?? 0) > Date.now();
    if (token !== undefined ? !tokenValid : requireToken) return errorPage(401, 'Unauthorized');
    if (path === CREDENTIALS_PATH) return text(options.roleName);
    if (path !== CREDENTIALS_PATH + options.roleName) return errorPage(404, 'Not Found');
    const { AccessKeyId, SecretAccessKey, Token, Expiration } = options.credentials();
    const document = { Code: 'Success', LastUpdated: isoSeconds(new Date()), Type: 'AWS-HMAC', AccessKeyId, SecretAccessKey, Token, Expiration };
    // IMDS labels the document text/plain, not JSON, and spreads it over lines.
    return text(JSON.stringify(document, null, 2));
  }

  return { url: server.url, calls, close: server.close };
}

function issueToken(request: ReceivedRequest, tokens: Map<string, number>): Reply {
  const ttl = header(request.headers, TTL_HEADER) ?? '';
  // IMDS refuses a token request without a TTL, or with one outside 1 s to 6 h.
  if (!/^\d+$/.test(ttl) || Number(ttl) < 1 || Number(ttl) > MAX_TTL_SECONDS) return errorPage(400, 'Bad Request');
  const token = randomBytes(42).toString('base64');
  tokens.set(token, Date.now() + Number(ttl) * 1000);
  return { ...text(token), headers: { 'content-type': 'text/plain', [TTL_HEADER]: ttl } };
}

function text(body: string): Reply {
  return { status: 200, headers: { 'content-type': 'text/plain' }, body };
}

/** IMDS answers errors with a small XHTML page naming the status. */
function errorPage(status: number, reason: string): Reply {
  const title = `${status} - ${reason}`;
  const body = '<?xml version="1.0" encoding="iso-8859-1"?>\n'
    + '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
    + '\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
    + '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n'
    + ` <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n </body>\n</html>\n`;
  return { status, headers: { 'content-type': 'text/html' }, body };
}
