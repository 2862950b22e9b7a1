import type { SsoSession } from '../chain/types';
import { AwsenvError } from '../errors';
import type { Registration, SsoCache, SsoToken } from '../cache/ssoTokenCache';
import { isoSeconds, parseAwsTime } from '../time';
import { errorName } from './awsCallErrors';
import type { Logger } from './deps';
import type { OidcApi } from './ssoClients';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
// RFC 8628: the default poll interval, and the step added on every slow_down.
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;
// A registration about to lapse would strand the refresh token made with it.
const REGISTRATION_MARGIN_MS = 60 * 60 * 1000;

/** What the person sees while the sign-in waits: on stderr or the terminal, never stdout. */
export interface SignInDisplay {
  prompt(verification: { url: string; userCode: string; expiresInSeconds: number }): void;
  waiting(): void;
  done(): void;
}

export interface SignInDeps {
  oidc: OidcApi;
  cache: SsoCache;
  display: SignInDisplay;
  openBrowser(url: string): Promise<void>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: Logger;
}

/**
 * The OIDC device authorization flow: register (or reuse the registration), start the authorization, show the
 * code, then poll CreateToken at the server's pace until the person approves, denies, or the code expires. The
 * token is written to the AWS CLI's cache before it is returned.
 */
export async function signIn(session: SsoSession, profile: string, deps: SignInDeps): Promise<SsoToken> {
  let registration = await clientRegistration(session, deps, false);
  let authorization: Awaited<ReturnType<OidcApi['startDeviceAuthorization']>>;
  try {
    authorization = await deps.oidc.startDeviceAuthorization({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl });
  } catch (error) {
    if (!STALE_CLIENT.has(errorName(error))) throw oidcFailed(profile, error);
    // The service forgot the registration (a new instance, a revoked client): register again, once.
    deps.log.debug(`the cached client registration was refused (${errorName(error)}); registering again`);
    registration = await clientRegistration(session, deps, true);
    authorization = await deps.oidc.startDeviceAuthorization({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl }).catch((e) => {
      throw oidcFailed(profile, e);
    });
  }
  const url = authorization.verificationUriComplete ?? authorization.verificationUri;
  deps.display.prompt({ url, userCode: authorization.userCode, expiresInSeconds: authorization.expiresIn });
  await deps.openBrowser(url);
  const deadline = deps.now().getTime() + authorization.expiresIn * 1000;
  let interval = authorization.interval ?? DEFAULT_INTERVAL_SECONDS;
  try {
    for (;;) {
      deps.display.waiting();
      await deps.sleep(interval * 1000);
      try {
        const issued = await deps.oidc.createToken({ clientId: registration.clientId, clientSecret: registration.clientSecret, grantType: DEVICE_GRANT, deviceCode: authorization.deviceCode });
        const token = tokenRecord(session, issued, registration, deps.now());
        deps.cache.writeToken(session, token);
        return token;
      } catch (error) {
        const name = errorName(error);
        if (name === 'SlowDownException') interval += SLOW_DOWN_SECONDS;
        else if (name === 'AccessDeniedException') throw signInFailed(profile, 'the sign-in was denied in the browser');
        else if (name === 'ExpiredTokenException') throw signInFailed(profile, 'the sign-in code expired before it was approved');
        else if (name !== 'AuthorizationPendingException') throw oidcFailed(profile, error);
        if (deps.now().getTime() > deadline) throw signInFailed(profile, 'the sign-in code expired before it was approved');
      }
    }
  } finally {
    deps.display.done();
  }
}

async function clientRegistration(session: SsoSession, deps: SignInDeps, renew: boolean): Promise<Registration> {
  const cached = renew ? undefined : deps.cache.readRegistration(session);
  if (cached && parseAwsTime(cached.expiresAt).getTime() - deps.now().getTime() > REGISTRATION_MARGIN_MS) {
    deps.log.debug('reusing the cached SSO-OIDC client registration');
    return cached;
  }
  // sso-session sign-ins get refresh tokens, as in the AWS CLI; legacy ones never did.
  const registered = await deps.oidc.registerClient({
    clientName: `awsenv-${session.name ?? 'legacy'}`,
    clientType: 'public',
    ...(session.name && { scopes: [...(session.scopes ?? ['sso:account:access'])], grantTypes: [DEVICE_GRANT, 'refresh_token'] }),
  });
  const registration: Registration = {
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    expiresAt: isoSeconds(new Date(registered.clientSecretExpiresAt * 1000)),
    ...(session.scopes && { scopes: [...session.scopes] }),
  };
  deps.cache.writeRegistration(session, registration);
  return registration;
}

/** The AWS CLI's token file: the four fields for legacy profiles, plus the registration and refresh token for sso-session. */
export function tokenRecord(session: SsoSession, issued: { accessToken: string; expiresIn: number; refreshToken?: string }, registration: Registration, now: Date): SsoToken {
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

const STALE_CLIENT = new Set(['InvalidClientException', 'UnauthorizedClientException']);

/** Anything else SSO-OIDC refuses: its errors carry their words in error_description, not message. */
function oidcFailed(profile: string, error: unknown): AwsenvError {
  if (error instanceof AwsenvError) return error;
  const e = (error ?? {}) as { error_description?: string; message?: string };
  const said = e.error_description ?? (e.message && e.message !== 'UnknownError' ? e.message : '');
  return new AwsenvError('aws', `IAM Identity Center refused the sign-in for profile "${profile}": ${errorName(error)}${said ? `: ${said}` : ''}`, { profile, cause: error });
}

const signInFailed = (profile: string, why: string) =>
  new AwsenvError('interaction', `IAM Identity Center sign-in for profile "${profile}" failed: ${why}`, { profile, hint: `Run "awsenv login ${profile}" to try again.` });
