import type { AwsTarget } from '../config/endpoints';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { z } from 'zod/v3';
import { clientOptions, describeTarget } from './clientOptions';
import { errorName, type SdkError } from './sdkErrorFields';
import { readAnswer } from './readAnswer';
import { sdkAttempt, sdkCall } from './sdkErrors';

export interface ClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Seconds since the epoch. */
  readonly clientSecretExpiresAt: number;
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete?: string;
  readonly expiresIn: number;
  readonly interval?: number;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

/** Where a device sign-in stands after one poll (RFC 8628's answers, as plain values). */
export type DevicePoll = { readonly status: 'issued'; readonly token: IssuedToken } | { readonly status: 'pending' | 'slowDown' | 'denied' | 'expired' };

type Client = { readonly clientId: string; readonly clientSecret: string };

/**
 * SSO-OIDC, IAM Identity Center's sign-in service. The answers a sign-in expects (still pending, refused
 * registration, refused refresh token) are values; anything else is an AwsenvError.
 */
export interface OidcApi {
  registerClient(input: { clientName: string; clientType: string; scopes?: string[]; grantTypes?: string[]; redirectUris?: string[]; issuerUrl?: string }): Promise<ClientRegistration>;
  /** undefined when the service no longer knows the client (a new instance, a revoked client): register anew. */
  startDeviceAuthorization(input: Client & { startUrl: string }): Promise<DeviceAuthorization | undefined>;
  pollDeviceToken(input: Client & { deviceCode: string }): Promise<DevicePoll>;
  /** undefined when the refresh token is refused: used already, revoked or expired. */
  refreshToken(input: Client & { refreshToken: string }): Promise<IssuedToken | undefined>;
  /** CreateToken with the code the browser brought back and the PKCE verifier it was asked for with. */
  exchangeCode(input: Client & { code: string; codeVerifier: string; redirectUri: string }): Promise<IssuedToken>;
  /** Where the browser goes to sign in: the service's own endpoint (the configured one, or the region's). */
  authorizeEndpoint(): Promise<string>;
}

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const AUTH_CODE_GRANT = 'authorization_code';

const STALE_CLIENT = new Set(['InvalidClientException', 'UnauthorizedClientException']);
const POLL_STATES: Readonly<Record<string, Exclude<DevicePoll['status'], 'issued'>>> = {
  AuthorizationPendingException: 'pending',
  SlowDownException: 'slowDown',
  AccessDeniedException: 'denied',
  ExpiredTokenException: 'expired',
};

// What SSO-OIDC always sends, read at the boundary: a proxy's page parses into an output with none of it.
const registration = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), clientSecretExpiresAt: z.number() });
const deviceAuthorization = z.object({
  deviceCode: z.string().min(1),
  userCode: z.string().min(1),
  verificationUri: z.string().min(1),
  verificationUriComplete: z.string().optional(),
  expiresIn: z.number(),
  interval: z.number().optional(),
});
const issuedToken = z.object({ accessToken: z.string().min(1), expiresIn: z.number(), refreshToken: z.string().optional() });

/** SSO-OIDC over the SDK client, loaded on this path only. Its calls are unsigned: no credentials exist yet. */
export async function createOidcApi(target: AwsTarget, profile: string, log: Logger, timeoutMs: number): Promise<OidcApi> {
  const sdk = await import('@aws-sdk/client-sso-oidc');
  const client = new sdk.SSOOIDCClient(clientOptions(target));
  const endpoint = describeTarget(target);
  const at = (operation: string) => ({ service: 'SSO OIDC', operation, endpoint, profile, log, timeoutMs });
  const translate = (error: unknown) => refused(error, profile);
  const token = (output: { $metadata: { httpStatusCode?: number } }): IssuedToken => readAnswer(at('CreateToken'), output, output, issuedToken, 'a usable token');
  return {
    registerClient: async (input) => {
      const o = await sdkCall(at('RegisterClient'), (options) => client.send(new sdk.RegisterClientCommand(input), options), translate);
      return readAnswer(at('RegisterClient'), o, o, registration, 'a usable client registration');
    },
    startDeviceAuthorization: async (input) => {
      const r = await sdkAttempt(at('StartDeviceAuthorization'), (options) => client.send(new sdk.StartDeviceAuthorizationCommand(input), options), translate);
      if ('refusal' in r) {
        if (STALE_CLIENT.has(r.refusal)) return undefined;
        throw r.error;
      }
      return readAnswer(at('StartDeviceAuthorization'), r.output, r.output, deviceAuthorization, 'a usable device code');
    },
    pollDeviceToken: async ({ clientId, clientSecret, deviceCode }) => {
      const r = await sdkAttempt(at('CreateToken'), (options) => client.send(new sdk.CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode }), options), translate);
      if ('output' in r) return { status: 'issued', token: token(r.output) };
      const status = POLL_STATES[r.refusal];
      if (!status) throw r.error;
      return { status };
    },
    refreshToken: async ({ clientId, clientSecret, refreshToken }) => {
      const r = await sdkAttempt(at('CreateToken'), (options) => client.send(new sdk.CreateTokenCommand({ clientId, clientSecret, grantType: 'refresh_token', refreshToken }), options), translate);
      // Any refusal means the same here: this refresh token cannot be used, so sign in or wait for another's.
      return 'output' in r ? token(r.output) : undefined;
    },
    exchangeCode: async ({ clientId, clientSecret, code, codeVerifier, redirectUri }) => {
      // One attempt: a code works once, and a retry of a call that reached the service would only be refused.
      const input = { clientId, clientSecret, grantType: AUTH_CODE_GRANT, code, codeVerifier, redirectUri };
      const once = new sdk.SSOOIDCClient(clientOptions(target, { retry: false }));
      try {
        return token(await sdkCall(at('CreateToken'), (options) => once.send(new sdk.CreateTokenCommand(input), options), translate));
      } finally {
        once.destroy();
      }
    },
    // The SDK's own endpoint rules, so the page is on the host every other call goes to (FIPS, dual-stack, partitions).
    authorizeEndpoint: async () => {
      const { url } = await client.config.endpointProvider({
        Region: target.region,
        UseFIPS: await client.config.useFipsEndpoint(),
        UseDualStack: await client.config.useDualstackEndpoint(),
        ...(target.endpoint && { Endpoint: target.endpoint }),
      });
      return url.href.replace(/\/+$/, '');
    },
  };
}

/** SSO-OIDC's refusals carry their words in error_description, not message. */
function refused(error: unknown, profile: string): AwsenvError {
  const e = (error ?? {}) as SdkError;
  const said = e.error_description ?? (e.message && e.message !== 'UnknownError' ? e.message : '');
  return new AwsenvError('aws', `IAM Identity Center refused the sign-in: ${errorName(error)}${said ? `: ${said}` : ''}`, { profile, cause: error });
}
