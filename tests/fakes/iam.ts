import { randomUUID } from 'node:crypto';
import { listenOnLoopback } from './loopbackServer';
import { header, parseAuthorization, signatureMatches, type ReceivedRequest } from './sigv4';
import { StsError, accessDenied, invalidClientTokenId } from './stsError';
import { renderError, renderResult, type XmlFields } from './stsXml';

const NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
const API_VERSION = '2010-05-08';

export interface FakeIamUser {
  readonly arn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly mfaSerials: readonly string[];
  /** False for a user whose policies do not allow iam:ListMFADevices. */
  readonly mayListMfaDevices?: boolean;
}

export interface IamCall {
  readonly action: string;
  readonly params: Record<string, string>;
  readonly accessKeyId?: string;
  readonly status: number;
  readonly errorCode?: string;
}

export interface FakeIam {
  url: string;
  calls: IamCall[];
  close(): Promise<void>;
}

/**
 * A protocol-level IAM on 127.0.0.1 with the one action awsenv calls, ListMFADevices: signed Query requests in
 * (SigV4 for the service "iam", checked against each user's keys), IAM's XML out, a page of `pageSize` devices at
 * a time. Without UserName it answers for the signer, as IAM does.
 */
export async function startFakeIam(options: { users: readonly FakeIamUser[]; pageSize?: number }): Promise<FakeIam> {
  const calls: IamCall[] = [];
  const server = await listenOnLoopback(async (request) => {
    const { Action: action = '', Version: version, ...params } = Object.fromEntries(new URLSearchParams(request.body));
    const requestId = randomUUID();
    const accessKeyId = parseAuthorization(header(request.headers, 'authorization') ?? '')?.accessKeyId;
    try {
      if (action !== 'ListMFADevices' || version !== API_VERSION) throw new StsError('InvalidAction', 400, `Could not find operation ${action} for version ${version}`);
      const user = await signer(request, options.users);
      const result = listMfaDevices(user, params, options.pageSize ?? 100);
      calls.push({ action, params, accessKeyId, status: 200 });
      return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: renderResult(action, result, requestId, NAMESPACE) };
    } catch (error) {
      const failure = error instanceof StsError ? error : new StsError('ServiceFailure', 500, String(error));
      calls.push({ action, params, accessKeyId, status: failure.status, errorCode: failure.code });
      return { status: failure.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: renderError(failure.status, failure.code, failure.message, requestId, NAMESPACE) };
    }
  });
  return { url: server.url, calls, close: server.close };
}

async function signer(request: ReceivedRequest, users: readonly FakeIamUser[]): Promise<FakeIamUser> {
  const authorization = parseAuthorization(header(request.headers, 'authorization') ?? '');
  if (!authorization) throw new StsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  const user = users.find((u) => u.accessKeyId === authorization.accessKeyId);
  if (!user) throw invalidClientTokenId();
  if (!(await signatureMatches(request, authorization, user.secretAccessKey, 'iam'))) {
    throw new StsError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided.');
  }
  return user;
}

function listMfaDevices(caller: FakeIamUser, params: Record<string, string>, pageSize: number): XmlFields {
  const userName = caller.arn.slice(caller.arn.lastIndexOf('/') + 1);
  if (params.UserName !== undefined && params.UserName !== userName) throw new StsError('NoSuchEntity', 404, `The user with name ${params.UserName} cannot be found.`);
  if (caller.mayListMfaDevices === false) {
    throw accessDenied(`User: ${caller.arn} is not authorized to perform: iam:ListMFADevices on resource: user ${userName} because no identity-based policy allows the iam:ListMFADevices action`);
  }
  const start = Number(params.Marker ?? 0);
  const page = caller.mfaSerials.slice(start, start + pageSize);
  const more = start + pageSize < caller.mfaSerials.length;
  return {
    MFADevices: page.map((serial) => ({ UserName: userName, SerialNumber: serial, EnableDate: '2026-01-02T03:04:05Z' })),
    IsTruncated: String(more),
    Marker: more ? String(start + pageSize) : undefined,
  };
}
