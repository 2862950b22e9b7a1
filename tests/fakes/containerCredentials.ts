import { listenOnLoopback, Reply } from './loopbackServer';
import type { MetadataCredentials } from './metadataCredentials';
import { header } from './sigv4';

export type { MetadataCredentials, RoleCredentials } from './metadataCredentials';
export { stsRoleCredentials } from './metadataCredentials';

export interface FakeContainerCredentialsOptions {
  /** When set, every request must carry exactly this Authorization header (AWS_CONTAINER_AUTHORIZATION_TOKEN). */
  authorizationToken?: string;
  /** Asked on every request; stsRoleCredentials gives ones the fake STS accepts. RoleArn is sent when present. */
  credentials: () => MetadataCredentials & { RoleArn?: string };
}

export interface ContainerCredentialsCall {
  method: string;
  /** Path and query, e.g. "/v2/credentials/abc". */
  path: string;
  authorization?: string;
  status: number;
}

export interface FakeContainerCredentials {
  /** e.g. "http://127.0.0.1:40123"; append any path for AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  url: string;
  /** Every request in the order answered, failures included. */
  calls: ContainerCredentialsCall[];
  close(): Promise<void>;
}

/**
 * A container credentials endpoint on 127.0.0.1 (the ECS agent, the EKS Pod Identity agent) that answers every
 * path, so the SDK's fromHttp and fromContainerMetadata run unchanged against AWS_CONTAINER_CREDENTIALS_FULL_URI.
 */
export async function startFakeContainerCredentials(options: FakeContainerCredentialsOptions): Promise<FakeContainerCredentials> {
  const calls: ContainerCredentialsCall[] = [];
  const server = await listenOnLoopback((request) => {
    const authorization = header(request.headers, 'authorization');
    const reply = answer(request.method, authorization);
    calls.push({ method: request.method, path: request.url, authorization, status: reply.status });
    return reply;
  });

  function answer(method: string, authorization: string | undefined): Reply {
    if (method !== 'GET') return error(405, 'MethodNotAllowed', `${method} is not supported`);
    if (options.authorizationToken !== undefined && authorization !== options.authorizationToken) {
      return error(403, 'AccessDenied', 'Authorization header is missing or does not match the authorization token');
    }
    const { AccessKeyId, Expiration, RoleArn, SecretAccessKey, Token } = options.credentials();
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ AccessKeyId, Expiration, RoleArn, SecretAccessKey, Token }) };
  }

  return { url: server.url, calls, close: server.close };
}

/** The ECS agent's error document; the codes and messages here are the fake's own, not the agent's. */
function error(status: number, code: string, message: string): Reply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, message, HTTPErrorCode: status }) };
}
