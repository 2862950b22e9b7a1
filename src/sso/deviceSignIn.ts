import type { SsoSession } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Registration, SsoToken } from '../cache/ssoTokenCache';
import type { DeviceAuthorization, IssuedToken } from '../aws/oidcApi';
import { clientRegistration } from './clientRegistration';
import { signInFailed, tokenRecord, type SignInDeps } from './signIn';

// RFC 8628: the default poll interval, and the step added on every slow_down.
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;

/** The device flow needs no listener. */
export type DeviceSignInDeps = Omit<SignInDeps, 'listen'>;

/**
 * The OIDC device authorization flow: register (or reuse the registration), start the authorization, show the
 * code, then poll CreateToken at the server's pace until the person approves, denies, or the code expires. The
 * token is written to the AWS CLI's cache before it is returned.
 */
export async function deviceSignIn(session: SsoSession, profile: string, deps: DeviceSignInDeps, waitMs: number): Promise<SsoToken> {
  let registration = await clientRegistration(session, 'deviceCode', deps, false);
  let authorization = await startAuthorization(session, registration, deps);
  if (!authorization) {
    // The service forgot the registration (a new instance, a revoked client): register again, once.
    deps.log.debug('the cached client registration was refused; registering again');
    registration = await clientRegistration(session, 'deviceCode', deps, true);
    authorization = await startAuthorization(session, registration, deps);
    if (!authorization) throw new AwsenvError('aws', 'IAM Identity Center refused the sign-in: it does not accept the client registration it has just made', { profile });
  }
  const url = authorization.verificationUriComplete ?? authorization.verificationUri;
  deps.display.prompt({ url, userCode: authorization.userCode, expiresInSeconds: authorization.expiresIn });
  await deps.openBrowser(url);
  try {
    const issued = await pollUntilApproved(authorization, registration, profile, deps, waitMs);
    const token = tokenRecord(session, issued, registration, deps.now());
    deps.cache.writeToken(session, token);
    return token;
  } finally {
    deps.display.done();
  }
}

const startAuthorization = (session: SsoSession, registration: Registration, deps: DeviceSignInDeps) =>
  deps.oidc.startDeviceAuthorization({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: session.startUrl });

async function pollUntilApproved(authorization: DeviceAuthorization, registration: Registration, profile: string, deps: DeviceSignInDeps, waitMs: number): Promise<IssuedToken> {
  const deadline = deps.now().getTime() + Math.min(authorization.expiresIn * 1000, waitMs);
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
