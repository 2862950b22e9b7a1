import { createHash } from 'node:crypto';
import { oidcError, oidcString } from './ssoError';
import { opaqueToken } from './ssoSecrets';
import type { CodeAuthorization, Input, RegisteredClient, SsoState } from './ssoTypes';

// Authorization codes are short-lived (RFC 6749 §4.1.2 recommends at most 10 minutes).
const CODE_SECONDS = 300;

/** A browser's answer: a page, or a redirect. */
export interface PageAnswer {
  readonly page: { status: number; headers: Record<string, string>; body: string };
}

const html = (status: number, title: string, body: string): PageAnswer => ({
  page: { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body>${body}</body></html>\n` },
});
const redirect = (location: string): PageAnswer => ({ page: { status: 302, headers: { location }, body: '' } });
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * GET /authorize, the page IAM Identity Center's sign-in ends on: what it cannot trust (an unknown client, a redirect
 * the client did not register, no S256 challenge) is an error page, never a redirect (RFC 6749 §4.1.2.1); otherwise
 * an Approve and a Deny button, or with autoApprove the redirect with a code at once.
 */
export function authorizePage(input: Input, state: SsoState): PageAnswer {
  const query = input as Record<string, string | undefined>;
  const client = query.client_id ? state.clients.get(query.client_id) : undefined;
  if (!client || !client.grantTypes?.includes('authorization_code')) return html(400, 'Error', '<h1>Invalid client</h1>');
  const redirectUri = query.redirect_uri ?? '';
  if (!registeredRedirect(client, redirectUri)) return html(400, 'Error', '<h1>Invalid redirect URI</h1>');
  if (query.response_type !== 'code' || query.code_challenge_method !== 'S256' || !query.code_challenge || !query.state) {
    return html(400, 'Error', '<h1>Invalid request</h1><p>response_type=code, state, code_challenge and code_challenge_method=S256 are required</p>');
  }
  const request: CodeAuthorization = {
    id: opaqueToken('', 16),
    clientId: client.clientId,
    redirectUri,
    state: query.state,
    codeChallenge: query.code_challenge,
    scopes: (query.scopes ?? '').split(' ').filter(Boolean),
    exchanged: false,
  };
  state.codeAuthorizations.set(request.id, request);
  if (state.settings.autoApprove) return decide(request, 'approve');
  return html(
    200,
    'Sign in to IAM Identity Center',
    `<h1>Allow ${escape(client.clientId)} to access your data?</h1><p>Scopes: ${escape(request.scopes.join(', '))}</p>` +
      `<form method="post" action="/authorize/decision"><input type="hidden" name="request" value="${escape(request.id)}">` +
      '<button type="submit" name="decision" value="approve" id="approve">Approve</button> ' +
      '<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>' +
      (state.settings.pressOnLoad ? `<script>addEventListener('load', () => document.getElementById('${state.settings.pressOnLoad}').click())</script>` : ''),
  );
}

/** POST /authorize/decision: the person pressed Approve or Deny; either way the browser goes back to the client. */
export function authorizeDecision(input: Input, state: SsoState): PageAnswer {
  const request = state.codeAuthorizations.get(String(input.request ?? ''));
  if (!request || request.code) return html(400, 'Error', '<h1>This sign-in is over</h1>');
  return decide(request, input.decision === 'approve' ? 'approve' : 'deny');
}

function decide(request: CodeAuthorization, decision: 'approve' | 'deny'): PageAnswer {
  const back = new URL(request.redirectUri);
  if (decision === 'approve') {
    request.code = opaqueToken('', 64);
    request.codeExpiresAt = Date.now() + CODE_SECONDS * 1000;
    back.searchParams.set('code', request.code);
  } else {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The user denied the request');
  }
  back.searchParams.set('state', request.state);
  return redirect(back.href);
}

/** RFC 8252 §7.3: a loopback redirect matches the registered one whatever its port. */
function registeredRedirect(client: RegisteredClient, uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const given = new URL(uri);
  const loopback = given.hostname === '127.0.0.1' || given.hostname === '[::1]';
  return (client.redirectUris ?? []).some((registered) => {
    const r = new URL(registered);
    return r.protocol === given.protocol && r.hostname === given.hostname && r.pathname === given.pathname && (loopback || r.port === given.port);
  });
}

/** CreateToken's authorization_code grant: the code once, for its client and redirect, with the verifier of its challenge. */
export function exchangeAuthorizationCode(input: Input, client: RegisteredClient, state: SsoState): CodeAuthorization {
  const code = oidcString(input, 'code');
  const request = [...state.codeAuthorizations.values()].find((r) => r.code === code);
  if (!request || request.clientId !== client.clientId || request.exchanged) throw oidcError('InvalidGrantException', 'Invalid authorization code provided');
  if ((request.codeExpiresAt ?? 0) <= Date.now()) throw oidcError('ExpiredTokenException', 'Authorization code has expired');
  if (oidcString(input, 'redirectUri') !== request.redirectUri) throw oidcError('InvalidGrantException', 'Invalid redirect URI provided');
  const verifier = oidcString(input, 'codeVerifier');
  if (createHash('sha256').update(verifier).digest('base64url') !== request.codeChallenge) throw oidcError('InvalidGrantException', 'Invalid code verifier provided');
  request.exchanged = true;
  return request;
}
