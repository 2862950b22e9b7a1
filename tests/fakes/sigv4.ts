import { createHash, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SigV4Authorization {
  accessKeyId: string;
  region: string;
  signedHeaders: string[];
  signature: string;
}

export interface ReceivedRequest {
  method: string;
  /** Path and query, as in IncomingMessage.url. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/[^/]+\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string): SigV4Authorization | undefined {
  const match = AUTHORIZATION.exec(header);
  if (!match) return undefined;
  const [, accessKeyId, region, signedHeaders, signature] = match;
  return { accessKeyId, region, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * Recomputes the signature with the SDK's own signer rather than a second implementation of SigV4, so a mismatch
 * means the client signed differently from the SDK, not that two hand-written signers disagree.
 */
export async function signatureMatches(
  request: ReceivedRequest,
  authorization: SigV4Authorization,
  secretAccessKey: string,
  service = 'sts',
): Promise<boolean> {
  const signingDate = parseAmzDate(header(request.headers, 'x-amz-date'));
  if (!signingDate) return false;
  // The signer takes a declared payload hash on trust, which would let a changed body through.
  const declaredHash = header(request.headers, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(request.body).digest('hex')) return false;
  const signedHeaders: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) return false;
    signedHeaders[name] = value;
  }
  const url = new URL(request.url, 'http://unused');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: authorization.accessKeyId,
      secretAccessKey,
      sessionToken: signedHeaders['x-amz-security-token'],
    },
    region: authorization.region,
    // The fake's own service: a request scoped to another one must not verify there.
    service,
    sha256: Sha256,
    // The signer would otherwise add x-amz-content-sha256 and sign a header the client never sent.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: signedHeaders,
      body: request.body,
    }),
    {
      signingDate,
      // Sign exactly what the client listed, even headers the signer would skip by default.
      signableHeaders: new Set(authorization.signedHeaders),
    },
  );
  const computed = parseAuthorization(signed.headers.authorization)?.signature ?? '';
  return computed.length === authorization.signature.length
    && timingSafeEqual(Buffer.from(computed), Buffer.from(authorization.signature));
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds] = match.map(Number);
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
}
