import { listenOnLoopback } from './loopbackServer';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReceivedRequest, header, parseAuthorization } from './sigv4';
import { ActionOutcome, signedActions, unsignedActions } from './stsActions';
import { authenticate } from './stsAuthenticate';
import { StsError } from './stsError';
import { damageAnswer, faultAnswer, type StsFault } from './stsFaults';
import { FakeStsOptions, IssuedCredentials, StsCall, StsState } from './stsTypes';
export type { StsFault } from './stsFaults';
export { LOGIN_PAGE } from './stsFaults';
import { webIdentityClaimsFrom } from './stsWebIdentity';
import { renderError, renderResult } from './stsXml';

export type {
  FakeRole,
  FakeStsOptions,
  FakeUser,
  Identity,
  IssuedCredentials,
  StsCall,
  WebIdentityClaims,
  WebIdentityOptions,
  WebIdentityTrust,
} from './stsTypes';

export interface FakeSts {
  /** e.g. "http://127.0.0.1:40123", for a client's `endpoint` or AWS_ENDPOINT_URL_STS. */
  url: string;
  /** Every request in the order answered, failures included. */
  calls: StsCall[];
  /** Every temporary credential set handed out, in order. */
  issued: readonly IssuedCredentials[];
  callCount(action?: string): number;
  /** From now on, every credential set issued so far is answered with ExpiredToken. */
  expireIssued(): void;
  /** Whether expireIssued made these credentials expire. */
  isExpired(accessKeyId: string): boolean;
  /**
   * From now on, accepts credentials handed out elsewhere (the fake SSO portal's role sessions) as if issued here:
   * they sign as their identity, appear in `issued` and expire with expireIssued.
   */
  adopt(credentials: IssuedCredentials): void;
  /**
   * The next requests get these faults, one each and in order, in place of (or damaging) STS's answer; replaces any
   * still pending. Each is in the call log with its `fault`.
   */
  injectFaults(...faults: StsFault[]): void;
  close(): Promise<void>;
}

const API_VERSION = '2011-06-15';

/** A protocol-level STS on 127.0.0.1: signed Query requests in, STS's XML out, so the real SDK client runs unchanged. */
export async function startFakeSts(options: FakeStsOptions): Promise<FakeSts> {
  const state: StsState = {
    users: options.users,
    roles: options.roles,
    rejectCodes: options.rejectCodes ?? ['000000'],
    issued: [],
    expiredKeys: new Set(),
    usedCodes: new Map(),
    webIdentityClaims: webIdentityClaimsFrom(options.webIdentity),
  };
  const calls: StsCall[] = [];
  let faults: StsFault[] = [];
  const server = await listenOnLoopback(async (request) => {
    const fault = faults.shift();
    const requestId = randomUUID();
    const instead = fault && faultAnswer(fault, requestId);
    if (instead) {
      calls.push({ ...requestCall(request), status: instead.status, fault });
      return instead;
    }
    const answer = await answerRequest(request, state, requestId);
    calls.push(fault ? { ...answer.call, fault } : answer.call);
    if (options.delayMs) await sleep(options.delayMs);
    return { status: answer.call.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: fault ? damageAnswer(fault, answer.body) : answer.body };
  });

  return {
    url: server.url,
    calls,
    issued: state.issued,
    callCount: (action) => calls.filter((call) => action === undefined || call.action === action).length,
    expireIssued: () => state.issued.forEach((credentials) => state.expiredKeys.add(credentials.accessKeyId)),
    isExpired: (accessKeyId) => state.expiredKeys.has(accessKeyId),
    adopt: (credentials) => {
      state.issued.push(credentials);
    },
    injectFaults: (...next) => {
      faults = next;
    },
    close: server.close,
  };
}

interface Answer {
  call: StsCall;
  body: string;
}

/** The call log's entry for a request, before it is answered. */
function requestCall(request: ReceivedRequest): StsCall {
  const { Action: action = '', Version: _version, ...params } = Object.fromEntries(new URLSearchParams(request.body));
  const authorization = parseAuthorization(header(request.headers, 'authorization') ?? '');
  return { action, params, accessKeyId: authorization?.accessKeyId, sessionToken: header(request.headers, 'x-amz-security-token'), status: 200 };
}

async function answerRequest(request: ReceivedRequest, state: StsState, requestId: string): Promise<Answer> {
  const version = new URLSearchParams(request.body).get('Version');
  const call = requestCall(request);
  const { action, params } = call;
  const authorization = parseAuthorization(header(request.headers, 'authorization') ?? '');
  try {
    const knownVersion = version === API_VERSION;
    let outcome: ActionOutcome;
    if (knownVersion && Object.hasOwn(unsignedActions, action)) {
      outcome = unsignedActions[action](params, state);
    } else if (knownVersion && Object.hasOwn(signedActions, action)) {
      const caller = await authenticate(request, authorization, state);
      call.principalArn = caller.arn;
      call.mfaAuthenticated = caller.mfaAuthenticated;
      outcome = signedActions[action](params, caller, state);
    } else {
      throw new StsError('InvalidAction', 400, `Could not find operation ${action} for version ${version}`);
    }
    call.issuedAccessKeyId = outcome.issued?.accessKeyId;
    return { call, body: renderResult(action, outcome.result, requestId) };
  } catch (error) {
    // Anything but an StsError is a bug in the fake; answering 500 keeps it visible in the client's error.
    const failure = error instanceof StsError ? error : new StsError('InternalFailure', 500, String(error));
    call.status = failure.status;
    call.errorCode = failure.code;
    return { call, body: renderError(failure.status, failure.code, failure.message, requestId) };
  }
}
