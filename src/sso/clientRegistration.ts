import type { SignInFlow, SsoSession } from '../chain/types';
import { isoSeconds, parseAwsTime } from '../core/time';
import type { Registration } from '../cache/ssoTokenCache';
import { AUTH_CODE_GRANT, DEVICE_GRANT } from '../aws/oidcApi';
import type { SignInDeps } from './signIn';

/** What the browser flow registers as its redirect: RFC 8252's loopback URI, whose port may be any at sign-in. */
export const REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
export const DEFAULT_SCOPES: readonly string[] = ['sso:account:access'];

// A registration about to lapse would strand the refresh token made with it.
const REGISTRATION_MARGIN_MS = 60 * 60 * 1000;

/**
 * The client registration for `flow`: the cached one while it lasts and was made for that flow, else a new one, filed
 * where botocore files it. Both flows share botocore's file; as in botocore, a registration with the
 * authorization_code grant serves the browser flow only, and one without it the device flow only.
 */
export async function clientRegistration(session: SsoSession, flow: SignInFlow, deps: Pick<SignInDeps, 'oidc' | 'cache' | 'now' | 'log'>, renew: boolean): Promise<Registration> {
  const cached = renew ? undefined : deps.cache.readRegistration(session);
  const forFlow = (registration: Registration) => (registration.grantTypes?.includes(AUTH_CODE_GRANT) ?? false) === (flow === 'authCode');
  if (cached && forFlow(cached) && parseAwsTime(cached.expiresAt).getTime() - deps.now().getTime() > REGISTRATION_MARGIN_MS) {
    deps.log.debug('reusing the cached SSO-OIDC client registration');
    return cached;
  }
  const registration = flow === 'authCode' ? await registerForBrowser(session, deps) : await registerForDevice(session, deps);
  deps.cache.writeRegistration(session, registration);
  return registration;
}

const expiry = (registered: { clientSecretExpiresAt: number }) => isoSeconds(new Date(registered.clientSecretExpiresAt * 1000));

async function registerForDevice(session: SsoSession, deps: Pick<SignInDeps, 'oidc'>): Promise<Registration> {
  // sso-session sign-ins get refresh tokens, as in the AWS CLI; legacy ones never did.
  const registered = await deps.oidc.registerClient({
    clientName: `awsenv-${session.name ?? 'legacy'}`,
    clientType: 'public',
    ...(session.name && { scopes: [...(session.scopes ?? DEFAULT_SCOPES)], grantTypes: [DEVICE_GRANT, 'refresh_token'] }),
  });
  return { clientId: registered.clientId, clientSecret: registered.clientSecret, expiresAt: expiry(registered), ...(session.scopes && { scopes: [...session.scopes] }) };
}

/** As the AWS CLI registers for the browser: the loopback redirect, the start URL as issuer, the scopes it defaults. */
async function registerForBrowser(session: SsoSession, deps: Pick<SignInDeps, 'oidc'>): Promise<Registration> {
  const scopes = [...(session.scopes ?? DEFAULT_SCOPES)];
  const grantTypes = [AUTH_CODE_GRANT, 'refresh_token'];
  const registered = await deps.oidc.registerClient({
    clientName: `awsenv-${session.name}`,
    clientType: 'public',
    grantTypes,
    redirectUris: [REDIRECT_URI],
    issuerUrl: session.startUrl,
    scopes,
  });
  return { clientId: registered.clientId, clientSecret: registered.clientSecret, expiresAt: expiry(registered), scopes, grantTypes };
}
