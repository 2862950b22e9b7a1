import { fromHttp } from '@aws-sdk/credential-provider-http';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ENV_CMDS_AUTH_TOKEN, ENV_CMDS_FULL_URI, fromContainerMetadata } from '@smithy/credential-provider-imds';
import { FakeContainerCredentials, startFakeContainerCredentials, stsRoleCredentials } from './containerCredentials';
import { useFakeSts } from './stsTestKit';

const TASK_ROLE = 'arn:aws:iam::555555555555:role/task';
const TASK_ID = '0123456789abcdef0123456789abcdef';
const AUTHORIZATION_TOKEN = 'pod-identity-token';
const PATH = '/v2/credentials/abc';

const kit = useFakeSts();
let endpoint: FakeContainerCredentials;
const savedEnv = { [ENV_CMDS_FULL_URI]: process.env[ENV_CMDS_FULL_URI], [ENV_CMDS_AUTH_TOKEN]: process.env[ENV_CMDS_AUTH_TOKEN] };

async function startEndpoint(authorizationToken?: string) {
  endpoint = await startFakeContainerCredentials({ authorizationToken, credentials: stsRoleCredentials(kit.fake(), TASK_ROLE, TASK_ID) });
}
afterEach(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await endpoint.close();
});

describe(startFakeContainerCredentials.name, () => {
  it("hands the SDK's fromHttp the task role's credentials, which sign at the fake STS", async () => {
    await startEndpoint(AUTHORIZATION_TOKEN);

    const credentials = await fromHttp({
      awsContainerCredentialsFullUri: endpoint.url + PATH,
      awsContainerAuthorizationToken: AUTHORIZATION_TOKEN,
      maxRetries: 0,
    })();

    expect(endpoint.calls).toEqual([{ method: 'GET', path: PATH, authorization: AUTHORIZATION_TOKEN, status: 200 }]);
    await expect(kit.sts(credentials).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Arn: `arn:aws:sts::555555555555:assumed-role/task/${TASK_ID}`,
    });
  });

  it("hands the SDK's fromContainerMetadata the same set, found through the environment", async () => {
    await startEndpoint(AUTHORIZATION_TOKEN);
    process.env[ENV_CMDS_FULL_URI] = `${endpoint.url}${PATH}?role=task`;
    process.env[ENV_CMDS_AUTH_TOKEN] = AUTHORIZATION_TOKEN;

    const first = await fromContainerMetadata()();
    const second = await fromContainerMetadata()();

    expect(second.accessKeyId).toBe(first.accessKeyId);
    expect(kit.fake().issued).toEqual([expect.objectContaining({ accessKeyId: first.accessKeyId, expiration: first.expiration })]);
    expect(endpoint.calls.map((call) => call.path)).toEqual([`${PATH}?role=task`, `${PATH}?role=task`]);
  });

  it('answers the ECS document, RoleArn included', async () => {
    await startEndpoint();

    const answer = await fetch(endpoint.url + PATH);

    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({
      AccessKeyId: kit.fake().issued[0].accessKeyId,
      Expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      RoleArn: TASK_ROLE,
      SecretAccessKey: kit.fake().issued[0].secretAccessKey,
      Token: kit.fake().issued[0].sessionToken,
    });
  });

  it.each<{ problem: string; headers: Record<string, string> }>([
    { problem: 'no Authorization header', headers: {} },
    { problem: 'another token', headers: { Authorization: 'someone-else' } },
    { problem: 'the token as a bearer credential', headers: { Authorization: `Bearer ${AUTHORIZATION_TOKEN}` } },
  ])('answers 403 to a request with $problem', async ({ headers }) => {
    await startEndpoint(AUTHORIZATION_TOKEN);

    const answer = await fetch(endpoint.url + PATH, { headers });

    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'AccessDenied', HTTPErrorCode: 403 });
    expect(kit.fake().issued).toEqual([]);
  });
});
