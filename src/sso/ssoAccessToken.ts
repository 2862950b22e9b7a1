import type { SsoSession } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isoSeconds, parseAwsTime } from '../core/time';
import type { SsoCache, SsoToken } from '../cache/ssoTokenCache';
import type { OidcApi } from '../aws/oidcApi';

// A token serves while it has a minute left (it only has to sign one call); within five minutes of its end it is
// refreshed first when it can be, as the AWS SDKs do.
const USABLE_SECONDS = 60;
const REFRESH_SECONDS = 5 * 60;
export const RACE_WAIT_MS = 3000;
const RACE_POLL_MS = 100;

/**
 * Why a sign-in is needed, so the person is told the truth about it: no sign-in in the cache (`none`: a first
 * sign-in, or after a logout), one the portal refused though it looked valid (`rejected`: signed out elsewhere), one
 * whose refresh IAM Identity Center refused (`refreshRefused`), or one that ended with nothing to refresh it by.
 */
export type SignInReason = 'none' | 'rejected' | 'refreshRefused' | 'expired';

export interface SsoTokenDeps {
  cache: SsoCache;
  oidc(): Promise<OidcApi>;
  /** Signs in on the terminal; undefined where nobody can approve a sign-in (no terminal, --non-interactive). */
  signIn?: (reason: SignInReason) => Promise<SsoToken>;
  /** Why there is no signIn, for the message: "there is no terminal to sign in on" unless said otherwise. */
  noSignIn?: string;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: Logger;
}

/**
 * A valid access token for the session: the cached one, else a silent refresh, else a sign-in where a person is
 * there to approve it. `rejected` is a token the portal has just refused, which must not be offered again.
 */
export async function ssoAccessToken(session: SsoSession, requested: string, deps: SsoTokenDeps, rejected?: string): Promise<string> {
  const valid = validToken(deps, rejected);
  const cached = deps.cache.readToken(session);
  if (cached && valid.fresh(cached)) return cached.accessToken;
  // One refresh or sign-in per session, however many shells want it: the others wait, then find its token.
  const release = await deps.cache.lock(session, `the IAM Identity Center sign-in to ${session.startUrl}`);
  try {
    const latest = deps.cache.readToken(session);
    if (latest && valid.fresh(latest)) return latest.accessToken;
    return await renewed(session, requested, latest, deps, valid);
  } finally {
    release();
  }
}

/** What a token must be to serve: not the one just refused, with a minute left; fresh: with five. */
function validToken(deps: SsoTokenDeps, rejected: string | undefined) {
  const secondsLeft = (token: SsoToken) => (parseAwsTime(token.expiresAt).getTime() - deps.now().getTime()) / 1000;
  const usable = (token: SsoToken) => token.accessToken !== rejected && secondsLeft(token) > USABLE_SECONDS;
  return { rejected, usable, fresh: (token: SsoToken) => usable(token) && secondsLeft(token) > REFRESH_SECONDS };
}

/** Under the session's lock: a silent refresh, else the cached token while it lasts, else a sign-in. */
async function renewed(session: SsoSession, requested: string, cached: SsoToken | undefined, deps: SsoTokenDeps, valid: ReturnType<typeof validToken>): Promise<string> {
  const refreshable = cached && canRefresh(cached, deps.now()) ? cached : undefined;
  const refreshed = refreshable && (await refresh(session, refreshable, deps));
  if (refreshed) return refreshed.accessToken;
  if (cached && valid.usable(cached)) return cached.accessToken;
  // Refresh tokens work once, and the AWS CLI takes no lock of ours: it may be refreshing at this moment. Its new
  // token lands in the file a moment later, so a refused refresh waits briefly for it before giving up.
  if (refreshable) {
    for (let waited = 0; waited <= RACE_WAIT_MS; waited += RACE_POLL_MS) {
      const latest = deps.cache.readToken(session);
      if (latest && valid.usable(latest) && latest.accessToken !== refreshable.accessToken) return latest.accessToken;
      await deps.sleep(RACE_POLL_MS);
    }
  }
  if (deps.signIn) return (await deps.signIn(signInReason(cached, Boolean(refreshable), valid.rejected))).accessToken;
  throw new AwsenvError('interaction', `needs an IAM Identity Center sign-in (${session.startUrl}), and ${deps.noSignIn ?? 'there is no terminal to sign in on'}`, {
    profile: requested,
    hint: `Run "awsenv login ${requested}" first.`,
  });
}

const signInReason = (cached: SsoToken | undefined, refreshTried: boolean, rejected: string | undefined): SignInReason =>
  !cached ? 'none' : cached.accessToken === rejected ? 'rejected' : refreshTried ? 'refreshRefused' : 'expired';

type Refreshable = SsoToken & { refreshToken: string; clientId: string; clientSecret: string };

/** A refresh token with a registration still valid: only then can anyone, this process or another, refresh it. */
const canRefresh = (token: SsoToken, now: Date): token is Refreshable =>
  Boolean(token.refreshToken && token.clientId && token.clientSecret) &&
  !(token.registrationExpiresAt && parseAwsTime(token.registrationExpiresAt).getTime() <= now.getTime());

/** CreateToken with the refresh token, as the AWS CLI does for sso-session sign-ins; undefined when it is refused. */
async function refresh(session: SsoSession, token: Refreshable, deps: SsoTokenDeps): Promise<SsoToken | undefined> {
  const { refreshToken, clientId, clientSecret } = token;
  const issued = await (await deps.oidc()).refreshToken({ clientId, clientSecret, refreshToken });
  if (!issued) {
    deps.log.debug('IAM Identity Center refused the refresh token');
    return undefined;
  }
  const renewed: SsoToken = {
    ...token,
    accessToken: issued.accessToken,
    expiresAt: isoSeconds(new Date(deps.now().getTime() + issued.expiresIn * 1000)),
    refreshToken: issued.refreshToken ?? refreshToken,
  };
  deps.cache.writeToken(session, renewed);
  deps.log.debug('refreshed the IAM Identity Center access token');
  return renewed;
}
