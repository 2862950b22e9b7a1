import type { Input } from './ssoTypes';

/**
 * An error answer of either service. The SDK's REST-JSON protocol identifies it by the x-amzn-ErrorType header
 * (taken before any body field); the body is what the service sends beside it, whose fields the SDK copies onto the
 * exception (error and error_description for SSO-OIDC, message for the portal).
 */
export class SsoError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly body: Record<string, string>,
  ) {
    super(code);
  }
}

/** The OAuth 2.0 error codes (RFC 6749, RFC 8628) that SSO-OIDC puts in the body of each exception it models. */
const OIDC_ERRORS = {
  AccessDeniedException: ['access_denied', 400],
  AuthorizationPendingException: ['authorization_pending', 400],
  ExpiredTokenException: ['expired_token', 400],
  InvalidClientException: ['invalid_client', 401],
  InvalidClientMetadataException: ['invalid_client_metadata', 400],
  InvalidGrantException: ['invalid_grant', 400],
  InvalidRequestException: ['invalid_request', 400],
  SlowDownException: ['slow_down', 400],
  UnauthorizedClientException: ['unauthorized_client', 400],
  UnsupportedGrantTypeException: ['unsupported_grant_type', 400],
} as const;

export function oidcError(code: keyof typeof OIDC_ERRORS, description: string): SsoError {
  const [error, status] = OIDC_ERRORS[code];
  return new SsoError(code, status, { error, error_description: description });
}

export function portalError(code: 'UnauthorizedException' | 'ForbiddenException' | 'InvalidRequestException', message: string) {
  const status = { UnauthorizedException: 401, ForbiddenException: 403, InvalidRequestException: 400 }[code];
  return new SsoError(code, status, { message });
}

export function oidcString(input: Input, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw oidcError('InvalidRequestException', `${name} is required`);
  return value;
}

export function portalString(input: Input, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw portalError('InvalidRequestException', `${name} is required`);
  return value;
}
