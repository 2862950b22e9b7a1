import { oidcError, oidcString } from './ssoError';
import { opaqueToken, userCode } from './ssoSecrets';
import type { Input, RegisteredClient, SsoState } from './ssoTypes';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const KNOWN_GRANTS = [DEVICE_CODE_GRANT, 'refresh_token', 'authorization_code'];
const SECRET_SECONDS = 90 * 24 * 3600;
const DEVICE_CODE_SECONDS = 600;
// AWS says 5 seconds; 1 keeps a test that really waits between polls fast.
const POLL_INTERVAL_SECONDS = 1;

export function registerClient(input: Input, state: SsoState) {
  oidcString(input, 'clientName');
  const clientType = oidcString(input, 'clientType');
  if (clientType !== 'public') throw oidcError('InvalidClientMetadataException', `Invalid client type: ${clientType}`);
  const grantTypes = input.grantTypes;
  if (grantTypes !== undefined && !(Array.isArray(grantTypes) && grantTypes.every((grant) => KNOWN_GRANTS.includes(grant)))) {
    throw oidcError('InvalidClientMetadataException', `Invalid grant types: ${JSON.stringify(grantTypes)}`);
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const client: RegisteredClient = {
    clientId: opaqueToken('', 16),
    clientSecret: opaqueToken('', 256),
    grantTypes,
    ...(grantTypes?.includes('authorization_code') && authCodeClient(input)),
    secretExpiresAt: (issuedAt + SECRET_SECONDS) * 1000,
  };
  state.clients.set(client.clientId, client);
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: issuedAt,
    clientSecretExpiresAt: issuedAt + SECRET_SECONDS,
  };
}

/** IAM Identity Center asks an authorization code client for its redirect URIs and its issuer (the start URL). */
function authCodeClient(input: Input): Pick<RegisteredClient, 'redirectUris' | 'issuerUrl'> {
  const { redirectUris } = input;
  if (!Array.isArray(redirectUris) || !redirectUris.length || !redirectUris.every((uri) => typeof uri === 'string' && isUrl(uri))) {
    throw oidcError('InvalidRequestException', 'redirectUris are required for the authorization_code grant');
  }
  const issuerUrl = oidcString(input, 'issuerUrl');
  if (!isUrl(issuerUrl)) throw oidcError('InvalidRequestException', `Invalid issuerUrl: ${issuerUrl}`);
  return { redirectUris, issuerUrl };
}

const isUrl = (text: string) => URL.canParse(text);

/** The registration whose id and secret the request carries; an expired secret means registering again. */
export function authenticateClient(input: Input, state: SsoState): RegisteredClient {
  const client = state.clients.get(oidcString(input, 'clientId'));
  if (!client || client.clientSecret !== oidcString(input, 'clientSecret')) {
    throw oidcError('InvalidClientException', 'Invalid client provided');
  }
  if (client.secretExpiresAt <= Date.now()) throw oidcError('InvalidClientException', 'Client secret has expired');
  return client;
}

export function startDeviceAuthorization(input: Input, state: SsoState) {
  const client = authenticateClient(input, state);
  oidcString(input, 'startUrl');
  const taken = new Set([...state.authorizations.values()].map((authorization) => authorization.userCode));
  let code = userCode();
  while (taken.has(code)) code = userCode();
  const deviceCode = opaqueToken('', 64);
  state.authorizations.set(deviceCode, {
    deviceCode,
    userCode: code,
    clientId: client.clientId,
    expiresAt: Date.now() + DEVICE_CODE_SECONDS * 1000,
    status: state.settings.autoApprove ? 'approved' : 'pending',
  });
  const verificationUri = `${state.url}/start/device`;
  return {
    deviceCode,
    userCode: code,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${code}`,
    expiresIn: DEVICE_CODE_SECONDS,
    interval: POLL_INTERVAL_SECONDS,
  };
}
