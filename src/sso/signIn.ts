import type { SsoSession } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isoSeconds } from '../core/time';
import type { Registration, SsoCache, SsoToken } from '../cache/ssoTokenCache';
import type { IssuedToken, OidcApi } from '../aws/oidcApi';
import type { RedirectListener } from './redirectOutcome';

/** What the person sees while the sign-in waits: on stderr or the terminal, never stdout. */
export interface SignInDisplay {
  /** The page to open; the code to check on it in the device flow, none in the browser flow. */
  prompt(verification: { url: string; userCode?: string; expiresInSeconds: number }): void;
  waiting(): void;
  done(): void;
}

/** What both sign-in flows run with. */
export interface SignInDeps {
  oidc: OidcApi;
  cache: SsoCache;
  display: SignInDisplay;
  openBrowser(url: string): Promise<void>;
  /** The browser flow's listener on 127.0.0.1, bound at `port` (0: any free one), waiting for `state` to come back. */
  listen(port: number, state: string): Promise<RedirectListener>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: Logger;
}

/** The AWS CLI's token file: the four fields for legacy profiles, plus the registration and refresh token for sso-session. */
export function tokenRecord(session: SsoSession, issued: IssuedToken, registration: Registration, now: Date): SsoToken {
  const base = { startUrl: session.startUrl, region: session.region, accessToken: issued.accessToken, expiresAt: isoSeconds(new Date(now.getTime() + issued.expiresIn * 1000)) };
  if (!session.name) return base;
  return {
    ...base,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(issued.refreshToken && { refreshToken: issued.refreshToken }),
  };
}

export const signInFailed = (profile: string, why: string, hint = `Run "awsenv login ${profile}" to try again.`) =>
  new AwsenvError('interaction', `IAM Identity Center sign-in failed: ${why}`, { profile, hint });
