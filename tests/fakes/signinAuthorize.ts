import type { Reply } from './loopbackServer';

/** One authorization request the page was shown; a test (or a browser's click) approves or denies it. */
export interface PendingAuthorization {
  readonly id: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  /** The console session the person is signed in with, which the code's tokens are for. */
  session: string;
  code?: string;
  codeUsed?: boolean;
}

const CLIENTS: Record<string, (redirect: string, base: string) => boolean> = {
  'arn:aws:signin:::devtools/same-device': (redirect) => /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/.test(redirect),
  'arn:aws:signin:::devtools/cross-device': (redirect, base) => redirect === `${base}/v1/sessions/confirmation`,
};

export const FAKE_CONSOLE_SESSION = 'arn:aws:iam::111111111111:user/alice';

/**
 * GET /v1/authorize shows the request with an approve and a deny link; /v1/authorize/approve redirects to the
 * loopback with the code and state (same-device) or shows the code to paste, base64 of "state=…&code=…" as the AWS
 * CLI reads it (cross-device); /v1/authorize/deny redirects with error=access_denied.
 */
export function authorizePage(url: string, base: string, pending: PendingAuthorization[], id: (prefix: string) => string): Reply {
  const query = new URL(url, base).searchParams;
  const path = url.split('?')[0];
  const html = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/html' }, body: `<!doctype html><html><body>${body}</body></html>` });
  if (path === '/v1/authorize') {
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
    const request: PendingAuthorization = { id: id('req-'), clientId, redirectUri, state: query.get('state')!, codeChallenge: query.get('code_challenge')!, session: FAKE_CONSOLE_SESSION };
    pending.push(request);
    return html(200, `<p>Allow the AWS CLI to use your console session?</p><a id="approve" href="/v1/authorize/approve?id=${request.id}">Allow</a> <a id="deny" href="/v1/authorize/deny?id=${request.id}">Deny</a>`);
  }
  const request = pending.find((p) => p.id === query.get('id'));
  if (!request || request.code) return html(400, '<p id="error">unknown or answered request</p>');
  const back = new URL(request.redirectUri);
  back.searchParams.set('state', request.state);
  if (path === '/v1/authorize/deny') {
    back.searchParams.set('error', 'access_denied');
    return { status: 302, headers: { location: back.toString() }, body: '' };
  }
  request.code = id('code-');
  if (request.redirectUri.startsWith(base)) {
    const pasted = Buffer.from(`state=${request.state}&code=${request.code}`).toString('base64');
    return html(200, `<p>Enter this code in the AWS CLI:</p><code id="code">${pasted}</code>`);
  }
  back.searchParams.set('code', request.code);
  return { status: 302, headers: { location: back.toString() }, body: '' };
}
