import type { SsoSession } from '../chain/types';
import { spokenSeconds } from '../core/time';
import type { SsoToken } from '../cache/ssoTokenCache';
import { clientRegistration, DEFAULT_SCOPES } from './clientRegistration';
import { pkcePair } from './pkce';
import type { RedirectOutcome } from './redirectOutcome';
import { signInFailed, tokenRecord, type SignInDeps } from './signIn';

export interface AuthCodeOptions {
  /** The listener's port on 127.0.0.1; 0 for any free one. */
  readonly port: number;
  /** How long the browser has to come back. */
  readonly waitMs: number;
}

/**
 * The OAuth authorization code flow with PKCE, as the AWS CLI signs in to an sso-session: register for it, bind the
 * listener before the browser opens (so the redirect cannot beat it), open the authorize page, take the code the
 * browser brings back for the state this sign-in sent, and exchange it with the verifier. The token goes to the AWS
 * CLI's cache before it is returned.
 */
export async function authCodeSignIn(session: SsoSession, profile: string, deps: SignInDeps, options: AuthCodeOptions): Promise<SsoToken> {
  const { verifier, challenge, state } = pkcePair();
  // Bound first: a port in use fails before anything is asked of IAM Identity Center.
  const listener = await deps.listen(options.port, state);
  try {
    const registration = await clientRegistration(session, 'authCode', deps, false);
    deps.log.debug(`waiting for the browser at ${listener.redirectUri}`);
    const url = authorizeUrl(await deps.oidc.authorizeEndpoint(), {
      response_type: 'code',
      client_id: registration.clientId,
      redirect_uri: listener.redirectUri,
      state,
      code_challenge_method: 'S256',
      scopes: (session.scopes ?? DEFAULT_SCOPES).join(' '),
      code_challenge: challenge,
    });
    deps.display.prompt({ url, expiresInSeconds: options.waitMs / 1000 });
    await deps.openBrowser(url);
    deps.display.waiting();
    const code = codeOf(await listener.outcome(options.waitMs), profile, options.waitMs);
    const { clientId, clientSecret } = registration;
    const issued = await deps.oidc.exchangeCode({ clientId, clientSecret, code, codeVerifier: verifier, redirectUri: listener.redirectUri });
    const token = tokenRecord(session, issued, registration, deps.now());
    deps.cache.writeToken(session, token);
    return token;
  } finally {
    listener.close();
    deps.display.done();
  }
}

// The AWS CLI's order of parameters; encodeURIComponent leaves what Python's quote(safe='-_.~') leaves, for these values.
const authorizeUrl = (endpoint: string, query: Record<string, string>) =>
  `${endpoint}/authorize?${Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;

function codeOf(outcome: RedirectOutcome | undefined, profile: string, waitMs: number): string {
  const deviceHint = `Run "awsenv login ${profile}" to try again, or with --use-device-code to sign in with a code, in any browser.`;
  if (!outcome) {
    throw signInFailed(profile, `the browser did not come back to awsenv within ${spokenSeconds(waitMs / 1000)} (the tab was closed, the sign-in was left unfinished, or the browser cannot reach this machine)`, deviceHint);
  }
  switch (outcome.kind) {
    case 'code':
      return outcome.code;
    case 'denied':
      throw signInFailed(profile, 'the sign-in was denied in the browser');
    case 'wrongState':
      throw signInFailed(profile, 'the browser came back with a state that is not this sign-in\'s (a page of another sign-in, or a forged request); nothing was signed in');
    case 'noCode':
      throw signInFailed(profile, 'the browser came back without an authorization code');
    case 'refused':
      throw signInFailed(profile, `IAM Identity Center answered ${outcome.error}${outcome.description ? `: ${outcome.description}` : ''}`, deviceHint);
  }
}
