import { exchangeAuthorizationCode } from './ssoAuthorize';
import { DEVICE_CODE_GRANT, authenticateClient } from './ssoClients';
import { oidcError, oidcString } from './ssoError';
import { opaqueToken } from './ssoSecrets';
import type { Input, RegisteredClient, SignIn, SsoState } from './ssoTypes';

type Grant = (input: Input, client: RegisteredClient, state: SsoState) => ReturnType<typeof issueTokens>;

const GRANTS: Record<string, Grant> = {
  [DEVICE_CODE_GRANT]: exchangeDeviceCode,
  refresh_token: refresh,
  authorization_code: (input, client, state) => {
    exchangeAuthorizationCode(input, client, state);
    return issueTokens(state, client, { loggedOut: false });
  },
};

/** CreateToken: the device code and authorization code grants that end a sign-in, and the refresh token grant that extends one. */
export function createToken(input: Input, state: SsoState) {
  const client = authenticateClient(input, state);
  const grantType = oidcString(input, 'grantType');
  if (!Object.hasOwn(GRANTS, grantType)) throw oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
  // A client registered without grantTypes is a legacy device code client.
  if (!(client.grantTypes ?? [DEVICE_CODE_GRANT]).includes(grantType)) {
    throw oidcError('UnauthorizedClientException', `Client is not authorized to use grant type ${grantType}`);
  }
  return GRANTS[grantType](input, client, state);
}

/**
 * The order of the checks decides what a poll of a code in two states hears: a used or foreign code is invalid,
 * then expiry wins over everything, and a requested slow_down over the person's answer.
 */
function exchangeDeviceCode(input: Input, client: RegisteredClient, state: SsoState) {
  const authorization = state.authorizations.get(oidcString(input, 'deviceCode'));
  if (!authorization || authorization.clientId !== client.clientId || authorization.status === 'exchanged') {
    throw oidcError('InvalidGrantException', 'Invalid grant provided');
  }
  if (authorization.expiresAt <= Date.now()) throw oidcError('ExpiredTokenException', 'Device code has expired');
  if (state.slowDowns > 0) {
    state.slowDowns -= 1;
    throw oidcError('SlowDownException', 'Client is polling too quickly');
  }
  if (authorization.status === 'denied') throw oidcError('AccessDeniedException', 'Authorization has been denied');
  if (authorization.status === 'pending') throw oidcError('AuthorizationPendingException', 'Authorization is still pending');
  authorization.status = 'exchanged';
  return issueTokens(state, client, { loggedOut: false });
}

/** Refresh tokens rotate: each works once, and only for the client it was issued to, while its sign-in lasts. */
function refresh(input: Input, client: RegisteredClient, state: SsoState) {
  const refreshToken = state.refreshTokens.get(oidcString(input, 'refreshToken'));
  if (!refreshToken || !refreshToken.usable || refreshToken.clientId !== client.clientId || refreshToken.signIn.loggedOut) {
    throw oidcError('InvalidGrantException', 'Invalid refresh token provided');
  }
  refreshToken.usable = false;
  return issueTokens(state, client, refreshToken.signIn);
}

function issueTokens(state: SsoState, client: RegisteredClient, signIn: SignIn) {
  const { accessTokenSeconds, issueRefreshTokens } = state.settings;
  const accessToken = { token: opaqueToken('aoa', 300), signIn, expiresAt: Date.now() + accessTokenSeconds * 1000 };
  state.accessTokens.set(accessToken.token, accessToken);
  let refreshToken: string | undefined;
  if (issueRefreshTokens && client.grantTypes?.includes('refresh_token')) {
    refreshToken = opaqueToken('aor', 300);
    state.refreshTokens.set(refreshToken, { token: refreshToken, clientId: client.clientId, signIn, usable: true });
  }
  return { accessToken: accessToken.token, tokenType: 'Bearer', expiresIn: accessTokenSeconds, refreshToken };
}
