import { listenOnLoopback } from './loopbackServer';
import { randomUUID } from 'node:crypto';
import { ReceivedRequest } from './sigv4';
import type { PageAnswer } from './ssoAuthorize';
import { SsoError } from './ssoError';
import { route } from './ssoRoutes';
import type { DeviceAuthorization, FakeSsoOptions, SsoCall, SsoState } from './ssoTypes';

export type { FakeSsoAccount, FakeSsoOptions, SsoCall } from './ssoTypes';
export { ssoRoleArn, ssoSessionArn } from './ssoIdentity';

export interface FakeSso {
  /** e.g. "http://127.0.0.1:40123": the endpoint of both SSO-OIDC (AWS_ENDPOINT_URL_SSO_OIDC) and the portal (AWS_ENDPOINT_URL_SSO). */
  url: string;
  /** Every request in the order answered, failures included. */
  calls: SsoCall[];
  /** The person approves the device code showing `userCode` in the browser. */
  approve(userCode: string): void;
  /** The person denies it: polls answer AccessDeniedException. */
  deny(userCode: string): void;
  /** The next `times` device code polls answer SlowDownException. */
  slowDown(times: number): void;
  /** Every device code not yet exchanged answers ExpiredTokenException. */
  expireAuthorizations(): void;
  /** Every access token issued so far is expired at the portal; their refresh tokens still work. */
  expireAccessTokens(): void;
  /** Every refresh token issued so far answers InvalidGrantException. */
  revokeRefreshTokens(): void;
  /** The access tokens the portal accepts now. */
  accessTokens(): string[];
  callCount(action?: string): number;
  close(): Promise<void>;
}

/**
 * A protocol-level IAM Identity Center on 127.0.0.1: SSO-OIDC (client registration, device authorization, tokens)
 * and the SSO portal (role credentials, accounts, roles, logout), REST-JSON as the SDK models define them, so the
 * real @aws-sdk/client-sso-oidc and @aws-sdk/client-sso run unchanged. Role sessions are
 * ssoSessionArn(account, role, userName), of the role ssoRoleArn(account, role).
 */
export async function startFakeSso(options: FakeSsoOptions): Promise<FakeSso> {
  const state: SsoState = {
    settings: {
      accounts: options.accounts,
      sts: options.sts,
      userName: options.userName ?? 'sso-user@example.com',
      accessTokenSeconds: options.accessTokenSeconds ?? 28800,
      issueRefreshTokens: options.issueRefreshTokens ?? true,
      pageSize: options.pageSize ?? 2,
      autoApprove: options.autoApprove ?? false,
      pressOnLoad: options.pressOnLoad,
    },
    url: '',
    clients: new Map(),
    authorizations: new Map(),
    codeAuthorizations: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    slowDowns: 0,
  };
  const calls: SsoCall[] = [];
  const server = await listenOnLoopback((request) => {
    const answer = answerRequest(request, state);
    calls.push(answer.call);
    return { status: answer.call.status, headers: answer.headers, body: answer.body };
  });
  state.url = server.url;

  const byUserCode = (userCode: string): DeviceAuthorization => {
    const found = [...state.authorizations.values()].find((authorization) => authorization.userCode === userCode);
    if (!found) throw new Error(`no device authorization shows user code ${userCode}`);
    return found;
  };
  return {
    url: state.url,
    calls,
    approve: (userCode) => {
      byUserCode(userCode).status = 'approved';
    },
    deny: (userCode) => {
      byUserCode(userCode).status = 'denied';
    },
    slowDown: (times) => {
      state.slowDowns = times;
    },
    expireAuthorizations: () => state.authorizations.forEach((authorization) => (authorization.expiresAt = 0)),
    expireAccessTokens: () => state.accessTokens.forEach((token) => (token.expiresAt = 0)),
    revokeRefreshTokens: () => state.refreshTokens.forEach((token) => (token.usable = false)),
    accessTokens: () =>
      [...state.accessTokens.values()].filter((token) => token.expiresAt > Date.now() && !token.signIn.loggedOut).map((token) => token.token),
    callCount: (action) => calls.filter((call) => action === undefined || call.action === action).length,
    close: server.close,
  };
}

/** Where x-amzn-ErrorType says each service's errors come from, after the code and a colon. */
const ERROR_NAMESPACES: Record<SsoCall['service'], string> = {
  oidc: 'http://internal.amazon.com/coral/com.amazonaws.sso.oidc/',
  portal: 'http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/',
};

interface Answer {
  call: SsoCall;
  headers: Record<string, string>;
  body: string;
}

function answerRequest(request: ReceivedRequest, state: SsoState): Answer {
  const { service, action, operation } = route(request);
  const call: SsoCall = { service, action, input: {}, status: 200 };
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
  try {
    if (!operation) throw new SsoError('UnknownOperationException', 404, { message: `No operation at ${action}` });
    call.input = operation.read();
    const result = operation.run(call.input, state);
    if (result && 'page' in result) {
      const { page } = result as PageAnswer;
      call.status = page.status;
      return { call, headers: { ...headers, ...page.headers }, body: page.body };
    }
    return { call, headers, body: result === undefined ? '' : JSON.stringify(result) };
  } catch (error) {
    // Anything but an SsoError is a bug in the fake; answering 500 keeps it visible in the client's error.
    const failure = error instanceof SsoError ? error : new SsoError('InternalServerException', 500, { message: String(error) });
    call.status = failure.status;
    call.errorCode = failure.code;
    headers['x-amzn-errortype'] = `${failure.code}:${ERROR_NAMESPACES[service]}`;
    return { call, headers, body: JSON.stringify(failure.body) };
  }
}
