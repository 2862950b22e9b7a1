import { ReceivedRequest, header } from './sigv4';
import { authorizeDecision, authorizePage } from './ssoAuthorize';
import { registerClient, startDeviceAuthorization } from './ssoClients';
import { SsoError } from './ssoError';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './ssoPortal';
import { createToken } from './ssoToken';
import type { Input, SsoCall, SsoState } from './ssoTypes';

interface Route {
  service: SsoCall['service'];
  action: string;
  /** Portal only: query parameter → model member, as the SDK's httpQuery traits bind them. */
  query?: Record<string, string>;
  /** What a browser sends rather than the SDK: the query string, or a form. */
  browser?: 'query' | 'form';
  run(input: Input, state: SsoState): object | undefined;
}

/** "METHOD /path" → operation, from the SDK models' http traits; the two services' paths do not overlap. */
const ROUTES: Record<string, Route> = {
  'POST /client/register': { service: 'oidc', action: 'RegisterClient', run: registerClient },
  'POST /device_authorization': { service: 'oidc', action: 'StartDeviceAuthorization', run: startDeviceAuthorization },
  'POST /token': { service: 'oidc', action: 'CreateToken', run: createToken },
  'GET /authorize': { service: 'oidc', action: 'Authorize', browser: 'query', run: authorizePage },
  'POST /authorize/decision': { service: 'oidc', action: 'AuthorizeDecision', browser: 'form', run: authorizeDecision },
  'GET /federation/credentials': {
    service: 'portal',
    action: 'GetRoleCredentials',
    query: { role_name: 'roleName', account_id: 'accountId' },
    run: getRoleCredentials,
  },
  'GET /assignment/accounts': {
    service: 'portal',
    action: 'ListAccounts',
    query: { next_token: 'nextToken', max_result: 'maxResults' },
    run: listAccounts,
  },
  'GET /assignment/roles': {
    service: 'portal',
    action: 'ListAccountRoles',
    query: { account_id: 'accountId', next_token: 'nextToken', max_result: 'maxResults' },
    run: listAccountRoles,
  },
  'POST /logout': { service: 'portal', action: 'Logout', run: logout },
};

const PORTAL_PREFIXES = ['/federation/', '/assignment/', '/logout'];

export interface Routed {
  service: SsoCall['service'];
  action: string;
  /** undefined for a route no operation has, answered 404. */
  operation?: {
    /** Throws SerializationException for a body that is not a JSON object. */
    read(): Input;
    run: Route['run'];
  };
}

export function route(request: ReceivedRequest): Routed {
  const url = new URL(request.url, 'http://unused');
  const found = ROUTES[`${request.method} ${url.pathname}`];
  if (!found) {
    const service = PORTAL_PREFIXES.some((prefix) => url.pathname.startsWith(prefix)) ? 'portal' : 'oidc';
    return { service, action: `${request.method} ${url.pathname}` };
  }
  return { service: found.service, action: found.action, operation: { read: () => readInput(found, request, url), run: found.run } };
}

function readInput(found: Route, request: ReceivedRequest, url: URL): Input {
  if (found.browser) return Object.fromEntries(found.browser === 'query' ? url.searchParams : new URLSearchParams(request.body));
  if (found.service === 'oidc') return jsonBody(request.body);
  const input: Input = {};
  const token = header(request.headers, 'x-amz-sso_bearer_token');
  if (token !== undefined) input.accessToken = token;
  for (const [name, member] of Object.entries(found.query ?? {})) {
    const value = url.searchParams.get(name);
    // maxResults is the only integer member; the rest are strings.
    if (value !== null) input[member] = member === 'maxResults' ? Number(value) : value;
  }
  return input;
}

function jsonBody(body: string): Input {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body || '{}');
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SsoError('SerializationException', 400, { message: 'Request body is not a JSON object' });
  }
  return parsed as Input;
}
