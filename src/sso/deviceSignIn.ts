import type { SsoSession } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isoSeconds, parseAwsTime } from '../core/time';
import type { Registration, SsoCache, SsoToken } from '../cache/ssoTokenCache';
import { DEVICE_GRANT, type DeviceAuthorization, type IssuedToken, type OidcApi } from '../aws/oidcApi';

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
export async function deviceSignIn(session: SsoSession, profile: string, deps: SignInDeps): Promise<SsoToken> {
  let registration = await clientRegistration(session, deps, false);
  let authorization = await startAuthorization(session, registration, deps);
  if (!authorization) {
    // The service forgot the registration (a new instance, a revoked client): register again, once.
    deps.log.debug('the cached client registration was refused; registering again');
    registration = await clientRegistration(session, deps, true);
    authorization = await startAuthorization(session, registration, deps);
    if (!authorization) throw new AwsenvError('aws', 'IAM Identity Center refused the sign-in: it does not accept the client registration it has just made', { profile });
  }
  const url = authorization.verificationUriComplete ?? authorization.verificationUri;
  deps.display.prompt({ url, userCode: authorization.userCode, expiresInSeconds: authorization.expiresIn });
  await deps.openBrowser(url);
  try {
    const issued = await pollUntilApproved(authorization, registration, profile, deps);
    const token = tokenRecord(session, issued, registration, deps.now());
    deps.cache.writeToken(session, token);
    return token;
  } finally {
    deps.display.done();
  }
}

const startAuthorization = (session: SsoSession, registration: Registration, deps: SignInDeps) =>
  deps.oidc.startDeviceAuthorization({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl });

async function pollUntilApproved(authorization: DeviceAuthorization, registration: Registration, profile: string, deps: SignInDeps): Promise<IssuedToken> {
  const deadline = deps.now().getTime() + authorization.expiresIn * 1000;
  let interval = authorization.interval ?? DEFAULT_INTERVAL_SECONDS;
  const expired = () => signInFailed(profile, 'the sign-in code expired before it was approved');
  for (;;) {
    deps.display.waiting();
    await deps.sleep(interval * 1000);
    const poll = await deps.oidc.pollDeviceToken({ clientId: registration.clientId, clientSecret: registration.clientSecret, deviceCode: authorization.deviceCode });
    switch (poll.status) {
      case 'issued':
        return poll.token;
      case 'denied':
        throw signInFailed(profile, 'the sign-in was denied in the browser');
      case 'expired':
        throw expired();
      case 'slowDown':
        interval += SLOW_DOWN_SECONDS;
        break;
      case 'pending':
        break;
    }
    if (deps.now().getTime() > deadline) throw expired();
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

const signInFailed = (profile: string, why: string) =>
  new AwsenvError('interaction', `IAM Identity Center sign-in failed: ${why}`, { profile, hint: `Run "awsenv login ${profile}" to try again.` });
