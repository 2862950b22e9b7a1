import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromInstanceMetadata } from '@smithy/credential-provider-imds';
import { FakeImds, FakeImdsOptions, startFakeImds, stsRoleCredentials } from './imds';
import { useFakeSts } from './stsTestKit';

const INSTANCE_ROLE = 'arn:aws:iam::555555555555:role/web-server';
const INSTANCE_ID = 'i-0123456789abcdef0';
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';

const kit = useFakeSts();
let imds: FakeImds;
const savedEndpoint = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;

async function startImds(options: Partial<FakeImdsOptions> = {}) {
  imds = await startFakeImds({ roleName: 'web-server', credentials: stsRoleCredentials(kit.fake(), INSTANCE_ROLE, INSTANCE_ID), ...options });
  process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url;
}
afterEach(async () => {
  if (savedEndpoint === undefined) delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  else process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = savedEndpoint;
  await imds.close();
});

async function token(ttlSeconds = '60'): Promise<string> {
  const answer = await fetch(`${imds.url}/latest/api/token`, { method: 'PUT', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': ttlSeconds } });
  expect(answer.status).toBe(200);
  return answer.text();
}

function get(path: string, sessionToken?: string) {
  return fetch(imds.url + path, { headers: sessionToken === undefined ? {} : { 'X-aws-ec2-metadata-token': sessionToken } });
}

describe(startFakeImds.name, () => {
  it("hands the SDK's IMDSv2 flow the instance role's credentials, which sign at the fake STS", async () => {
    await startImds();

    const credentials = await fromInstanceMetadata()();

    expect(imds.calls).toEqual([
      { method: 'PUT', path: '/latest/api/token', token: undefined, ttlSeconds: '21600', status: 200 },
      { method: 'GET', path: CREDENTIALS_PATH, token: expect.any(String), ttlSeconds: undefined, status: 200 },
      { method: 'GET', path: CREDENTIALS_PATH + 'web-server', token: imds.calls[1].token, ttlSeconds: undefined, status: 200 },
    ]);
    expect(Math.abs((credentials.expiration?.getTime() ?? 0) - Date.now() - 21600 * 1000)).toBeLessThan(5000);
    await expect(kit.sts(credentials).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Arn: `arn:aws:sts::555555555555:assumed-role/web-server/${INSTANCE_ID}`,
    });
  });

  it('answers the credentials document in IMDS shape, the same set on every request', async () => {
    await startImds();
    const sessionToken = await token();

    const first = await get(CREDENTIALS_PATH + 'web-server', sessionToken);
    const document = (await first.json()) as Record<string, string>;
    const again = (await (await get(CREDENTIALS_PATH + 'web-server', sessionToken)).json()) as Record<string, string>;

    expect(first.headers.get('content-type')).toBe('text/plain');
    expect(document).toEqual({
      Code: 'Success',
      LastUpdated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      Type: 'AWS-HMAC',
      AccessKeyId: expect.stringMatching(/^ASIA/),
      SecretAccessKey: expect.any(String),
      Token: expect.any(String),
      Expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    expect(again.AccessKeyId).toBe(document.AccessKeyId);
    expect(kit.fake().issued.map((issued) => issued.accessKeyId)).toEqual([document.AccessKeyId]);
  });

  it.each([
    { problem: 'no session token', sessionToken: () => Promise.resolve(undefined) },
    { problem: 'a session token IMDS never issued', sessionToken: () => Promise.resolve('forged') },
  ])('answers 401 to a request with $problem', async ({ sessionToken }) => {
    await startImds();

    const answer = await get(CREDENTIALS_PATH + 'web-server', await sessionToken());

    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('<title>401 - Unauthorized</title>');
    expect(kit.fake().issued).toEqual([]);
  });

  it('answers 401 once the session token outlives its TTL', async () => {
    await startImds();
    const sessionToken = await token('1');
    const issuedAt = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(issuedAt + 1001);
    try {
      expect((await get(CREDENTIALS_PATH, sessionToken)).status).toBe(401);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it.each([
    { ttl: undefined, problem: 'no TTL' },
    { ttl: '0', problem: 'a TTL of 0' },
    { ttl: '21601', problem: 'a TTL over six hours' },
  ])('answers 400 to a token request with $problem', async ({ ttl }) => {
    await startImds();

    const answer = await fetch(`${imds.url}/latest/api/token`, { method: 'PUT', headers: ttl === undefined ? {} : { 'X-aws-ec2-metadata-token-ttl-seconds': ttl } });

    expect(answer.status).toBe(400);
  });

  it('answers the role name and 404 for any other role', async () => {
    await startImds();
    const sessionToken = await token();

    expect(await (await get(CREDENTIALS_PATH, sessionToken)).text()).toBe('web-server');
    expect((await get(CREDENTIALS_PATH + 'admin', sessionToken)).status).toBe(404);
  });

  it('answers without a session token when IMDSv1 is allowed', async () => {
    await startImds({ requireToken: false });

    const answer = await get(CREDENTIALS_PATH + 'web-server');

    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ Code: 'Success', AccessKeyId: kit.fake().issued[0].accessKeyId });
  });
});
