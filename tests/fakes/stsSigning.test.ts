import { Sha256 } from '@aws-crypto/sha256-js';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Keys, StsTestKit, alice, useFakeSts, userKeys } from './stsTestKit';

const kit = useFakeSts();

interface RawRequest {
  body?: string;
  /** Signs with the SDK's signer when given; leaves the Authorization header out otherwise. */
  keys?: Keys;
  service?: string;
  /** Whether the signer also declares the body's hash in x-amz-content-sha256, as the STS client does. */
  declareBodyHash?: boolean;
  /** Rewrites the body after signing. */
  tamper?: (body: string) => string;
  /** Sent as well, after signing. */
  headers?: Record<string, string>;
}

/** A request built by hand, to reach what the SDK never sends: unsigned, mis-scoped or altered in transit. */
async function post({
  body = 'Action=GetSessionToken&Version=2011-06-15&DurationSeconds=1800',
  keys,
  service = 'sts',
  declareBodyHash = true,
  tamper = (sent) => sent,
  headers: extraHeaders = {},
}: RawRequest) {
  const url = new URL(kit.fake().url);
  const request = new HttpRequest({
    method: 'POST',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const signer = keys && new SignatureV4({ credentials: keys, region: 'eu-west-1', service, sha256: Sha256, applyChecksum: declareBodyHash });
  // fetch sets Host itself, to the same value.
  const { host: _host, ...headers } = (signer ? await signer.sign(request) : request).headers;
  const response = await fetch(url, { method: 'POST', headers: { ...headers, ...extraHeaders }, body: tamper(body) });
  return { status: response.status, requestId: response.headers.get('x-amzn-requestid'), xml: await response.text() };
}

// Same length, so only the signature can tell.
const extendDuration = (body: string) => body.replace('DurationSeconds=1800', 'DurationSeconds=3600');
const aliceKeys = userKeys(alice);

describe('fake STS signature checks', () => {
  it.each<{ problem: string; keys: (kit: StsTestKit) => Promise<Keys>; code: string }>([
    { problem: 'a wrong secret', keys: async () => ({ ...aliceKeys, secretAccessKey: 'wrong' }), code: 'SignatureDoesNotMatch' },
    { problem: 'an unknown key', keys: async () => ({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }), code: 'InvalidClientTokenId' },
    {
      problem: 'session keys without their token',
      keys: async (k) => ({ ...(await k.mfaSession()), sessionToken: undefined }),
      code: 'InvalidClientTokenId',
    },
    {
      problem: 'session keys with a forged token',
      keys: async (k) => ({ ...(await k.mfaSession()), sessionToken: 'forged' }),
      code: 'InvalidClientTokenId',
    },
  ])('refuses a request signed with $problem: $code', async ({ keys, code }) => {
    const credentials = await keys(kit);

    await expect(kit.sts(credentials).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: code,
      $metadata: { httpStatusCode: 403 },
    });
    expect(kit.fake().calls.at(-1)).toEqual({
      action: 'GetCallerIdentity',
      params: {},
      accessKeyId: credentials.accessKeyId,
      sessionToken: credentials.sessionToken,
      status: 403,
      errorCode: code,
    });
  });

  it('accepts a hand-signed request from any region', async () => {
    const answer = await post({ keys: aliceKeys });

    expect(answer.status).toBe(200);
    expect(answer.xml).toMatch(
      /^<GetSessionTokenResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetSessionTokenResult><Credentials>/,
    );
  });

  it.each<{ problem: string; request: RawRequest; status: number; code: string }>([
    { problem: 'no Authorization header', request: {}, status: 403, code: 'MissingAuthenticationToken' },
    {
      problem: 'a malformed Authorization header',
      request: { headers: { authorization: `AWS4-HMAC-SHA256 Credential=${alice.accessKeyId}` } },
      status: 400,
      code: 'IncompleteSignature',
    },
    {
      problem: 'another API version',
      request: { keys: aliceKeys, body: 'Action=GetSessionToken&Version=2010-01-01' },
      status: 400,
      code: 'InvalidAction',
    },
    { problem: 'a credential scoped to another service', request: { keys: aliceKeys, service: 's3' }, status: 403, code: 'SignatureDoesNotMatch' },
    { problem: 'a body changed after signing', request: { keys: aliceKeys, tamper: extendDuration }, status: 403, code: 'SignatureDoesNotMatch' },
    {
      problem: 'a body changed after signing, without a declared hash',
      request: { keys: aliceKeys, declareBodyHash: false, tamper: extendDuration },
      status: 403,
      code: 'SignatureDoesNotMatch',
    },
  ])('answers $problem with $code in STS\'s error XML', async ({ request, status, code }) => {
    const answer = await post(request);

    expect(answer.status).toBe(status);
    expect(answer.xml).toMatch(
      new RegExp(
        '^<ErrorResponse xmlns="https://sts\\.amazonaws\\.com/doc/2011-06-15/">'
          + `<Error><Type>Sender</Type><Code>${code}</Code><Message>[^<]+</Message></Error>`
          + `<RequestId>${answer.requestId}</RequestId></ErrorResponse>$`,
      ),
    );
    expect(kit.fake().calls).toEqual([expect.objectContaining({ action: 'GetSessionToken', status, errorCode: code })]);
  });
});
