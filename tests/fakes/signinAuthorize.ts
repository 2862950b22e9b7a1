import type { Reply } from './loopbackServer';

/** One authorization request the page was shown, and what the person decided. */
export interface PendingAuthorization {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  /** The console session the person is signed in with, which the code's tokens are for. */
  readonly session: string;
  code?: string;
  codeUsed?: boolean;
  decision?: 'approve' | 'deny';
}

const CLIENTS: Record<string, (redirect: string, base: string) => boolean> = {
  'arn:aws:signin:::devtools/same-device': (redirect) => /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/.test(redirect),
  'arn:aws:signin:::devtools/cross-device': (redirect, base) => redirect === `${base}/v1/sessions/confirmation`,
};

export interface AuthorizeSettings {
  /** The console session whoever opens the page is signed in with. */
  readonly session: string;
  /** A button the page presses itself once loaded (for headless Chromium). */
  readonly pressOnLoad?: 'approve' | 'deny';
}

const html = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/html' }, body: `<!doctype html><html><body>${body}</body></html>` });

/**
 * GET /v1/authorize checks the request as the AWS CLI sends it and shows it with Approve and Deny, in the fake IAM
 * Identity Center's form (a POST to /authorize/decision), so the same browser helpers and Chromium answer both.
 */
export function authorizePage(url: string, base: string, pending: PendingAuthorization[], id: (prefix: string) => string, settings: AuthorizeSettings): Reply {
  const query = new URL(url, base).searchParams;
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const problems = [
    query.get('response_type') !== 'code' && 'response_type',
    !CLIENTS[clientId]?.(redirectUri, base) && 'client_id/redirect_uri',
    query.get('code_challenge_method') !== 'SHA-256' && 'code_challenge_method',
    query.get('scope') !== 'openid' && 'scope',
    !/^[A-Za-z0-9_-]{43}$/.test(query.get('code_challenge') ?? '') && 'code_challenge',
    !query.get('state') && 'state',
  ].filter(Boolean);
  if (problems.length) return html(400, `<p id="error">bad request: ${problems.join(', ')}</p>`);
  const request: PendingAuthorization = { id: id('req-'), clientId, redirectUri, state: query.get('state')!, codeChallenge: query.get('code_challenge')!, session: settings.session };
  pending.push(request);
  const press = settings.pressOnLoad ? `<script>addEventListener('load', () => document.getElementById('${settings.pressOnLoad}').click())</script>` : '';
  return html(
    200,
    `<p>Allow the AWS CLI to use your console session?</p><form method="post" action="/authorize/decision"><input type="hidden" name="request" value="${request.id}">` +
      `<button id="approve" name="decision" value="approve">Allow</button><button id="deny" name="decision" value="deny">Deny</button></form>${press}`,
  );
}

/**
 * POST /authorize/decision: back to the loopback with the code and state (same-device), or with error=access_denied;
 * for cross-device the page shows the code to paste, base64 of "state=…&code=…" as the AWS CLI reads it.
 */
export function authorizeDecision(body: string, base: string, pending: PendingAuthorization[], id: (prefix: string) => string): Reply {
  const form = new URLSearchParams(body);
  const request = pending.find((p) => p.id === form.get('request'));
  const decision = form.get('decision');
  if (!request || request.decision || (decision !== 'approve' && decision !== 'deny')) return html(400, '<p id="error">unknown or answered request</p>');
  request.decision = decision;
  const crossDevice = request.redirectUri.startsWith(base);
  const back = new URL(request.redirectUri);
  back.searchParams.set('state', request.state);
  if (decision === 'deny') {
    if (crossDevice) return html(200, '<p id="denied">Access denied.</p>');
    back.searchParams.set('error', 'access_denied');
    return { status: 302, headers: { location: back.toString() }, body: '' };
  }
  request.code = id('code-');
  if (crossDevice) return html(200, `<p>Enter this code in the AWS CLI:</p><code id="code">${Buffer.from(`state=${request.state}&code=${request.code}`).toString('base64')}</code>`);
  back.searchParams.set('code', request.code);
  return { status: 302, headers: { location: back.toString() }, body: '' };
}
