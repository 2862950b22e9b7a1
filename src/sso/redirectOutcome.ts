/** What the browser brought back to the listener, read against the state the sign-in sent. */
export type RedirectOutcome =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'denied' }
  | { readonly kind: 'refused'; readonly error: string; readonly description?: string }
  | { readonly kind: 'wrongState' }
  | { readonly kind: 'noCode' };

/** The browser flow's listener on 127.0.0.1, bound before the browser opens. */
export interface RedirectListener {
  readonly port: number;
  /** What CreateToken is told, port and all; the registration names it without the port (RFC 8252 §7.3). */
  readonly redirectUri: string;
  /** The first redirect's outcome; undefined when none came within `waitMs`. The listener is closed either way. */
  outcome(waitMs: number): Promise<RedirectOutcome | undefined>;
  close(): void;
}

export const CALLBACK_PATH = '/oauth/callback';

/**
 * RFC 6749 §4.1.2: the state is checked first, for an error as for a code, so a page that is not this sign-in's
 * (another tab, another program) can neither hand over its code nor pass for a denial.
 */
export function redirectOutcome(query: URLSearchParams, state: string): RedirectOutcome {
  if (query.get('state') !== state) return { kind: 'wrongState' };
  const error = query.get('error');
  if (error === 'access_denied') return { kind: 'denied' };
  if (error) return { kind: 'refused', error, ...(query.get('error_description') && { description: query.get('error_description')! }) };
  const code = query.get('code');
  return code ? { kind: 'code', code } : { kind: 'noCode' };
}

/** The page the browser shows after the redirect: what happened, and that the tab is no longer needed. */
export function redirectPage(outcome: RedirectOutcome): { status: number; html: string } {
  const [status, heading, text] =
    outcome.kind === 'code'
      ? [200, 'Signed in', 'awsenv has the sign-in. You can close this tab and go back to the terminal.']
      : outcome.kind === 'denied'
        ? [200, 'Sign-in denied', 'awsenv was not signed in. You can close this tab.']
        : outcome.kind === 'wrongState'
          ? [400, 'Not this sign-in', 'This page does not belong to the sign-in awsenv started, so awsenv did not sign in: see the terminal. You can close this tab.']
          : [400, 'Sign-in failed', 'awsenv was not signed in: see the terminal. You can close this tab.'];
  return {
    status,
    html: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>awsenv: ${heading}</title></head>\n<body><h1>${heading}</h1><p>${text}</p></body></html>\n`,
  };
}
