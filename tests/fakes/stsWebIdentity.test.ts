import { AssumeRoleWithWebIdentityCommand, AssumeRoleWithWebIdentityCommandInput, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GITHUB_ISSUER, GITHUB_SUBJECT, githubIdToken } from './githubOidc';
import { FakeStsOptions, startFakeSts } from './sts';
import { BASE_ROLE, CI_ROLE, keysOf, useFakeSts } from './stsTestKit';
import { fakeJwt } from './webIdentityToken';

const TOKEN = githubIdToken('sts.amazonaws.com');
const EXPIRED = fakeJwt({ iss: GITHUB_ISSUER, sub: GITHUB_SUBJECT, aud: 'sts.amazonaws.com', exp: 1_700_000_000 });
const WRONG_AUDIENCE = githubIdToken('api://AzureADTokenExchange');
const OTHER_REPO = githubIdToken('sts.amazonaws.com', 'repo:octo-org/other-repo:ref:refs/heads/main');
const OTHER_ISSUER = fakeJwt({ iss: 'https://gitlab.com', sub: GITHUB_SUBJECT, aud: 'sts.amazonaws.com' });
const NOT_AUTHORIZED = { name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', $metadata: { httpStatusCode: 403 } };
const INVALID_TOKEN = {
  name: 'InvalidIdentityTokenException',
  message: "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  $metadata: { httpStatusCode: 400 },
};

const kit = useFakeSts(() => ({ webIdentity: { tokens: [TOKEN, EXPIRED, WRONG_AUDIENCE, OTHER_REPO, OTHER_ISSUER] } }));

type Input = Partial<AssumeRoleWithWebIdentityCommandInput>;

function assume(client: STSClient, input: Input) {
  return client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: CI_ROLE, RoleSessionName: 'gha-run-42', WebIdentityToken: TOKEN, ...input }));
}

/** A fake of its own, for options the shared one does not have; one unsigned client. */
async function withFake(options: Partial<FakeStsOptions>, use: (client: STSClient) => Promise<void>) {
  const fake = await startFakeSts({ users: [], roles: [], ...options });
  const client = new STSClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1 });
  try {
    await use(client);
  } finally {
    client.destroy();
    await fake.close();
  }
}

describe('fake STS AssumeRoleWithWebIdentity', () => {
  it('answers an unsigned call with a registered token, and the session then signs as the role', async () => {
    const answer = await assume(kit.sts(), { DurationSeconds: 7200 });

    expect(answer).toMatchObject({
      SubjectFromWebIdentityToken: GITHUB_SUBJECT,
      Audience: 'sts.amazonaws.com',
      Provider: 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com',
      AssumedRoleUser: {
        AssumedRoleId: expect.stringMatching(/^AROA[0-9A-F]{17}:gha-run-42$/),
        Arn: 'arn:aws:sts::333333333333:assumed-role/ci/gha-run-42',
      },
    });
    expect(Math.abs((answer.Credentials?.Expiration?.getTime() ?? 0) - Date.now() - 7200 * 1000)).toBeLessThan(5000);
    expect(kit.fake().calls).toEqual([
      {
        action: 'AssumeRoleWithWebIdentity',
        params: { RoleArn: CI_ROLE, RoleSessionName: 'gha-run-42', WebIdentityToken: TOKEN, DurationSeconds: '7200' },
        accessKeyId: undefined,
        sessionToken: undefined,
        status: 200,
        issuedAccessKeyId: answer.Credentials?.AccessKeyId,
      },
    ]);
    await expect(kit.sts(keysOf(answer.Credentials)).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: '333333333333',
      Arn: 'arn:aws:sts::333333333333:assumed-role/ci/gha-run-42',
    });
  });

  it.each<{ problem: string; input: Input; error: object }>([
    { problem: 'a token nobody registered', input: { WebIdentityToken: githubIdToken('sts.amazonaws.com') }, error: INVALID_TOKEN },
    {
      problem: 'an expired token',
      input: { WebIdentityToken: EXPIRED },
      error: {
        name: 'ExpiredTokenException',
        message: expect.stringMatching(/^Token expired: current date\/time \d{10} must be before the expiration date\/time1700000000$/),
        $metadata: { httpStatusCode: 400 },
      },
    },
    { problem: 'a role that trusts no identity provider', input: { RoleArn: BASE_ROLE }, error: NOT_AUTHORIZED },
    { problem: 'an unknown role', input: { RoleArn: 'arn:aws:iam::333333333333:role/nope' }, error: NOT_AUTHORIZED },
    { problem: 'a token for another audience', input: { WebIdentityToken: WRONG_AUDIENCE }, error: NOT_AUTHORIZED },
    { problem: 'a token of a repository the role does not name', input: { WebIdentityToken: OTHER_REPO }, error: NOT_AUTHORIZED },
    { problem: 'a token of another issuer', input: { WebIdentityToken: OTHER_ISSUER }, error: NOT_AUTHORIZED },
    {
      problem: "DurationSeconds beyond the role's MaxSessionDuration",
      input: { DurationSeconds: 7201 },
      error: { name: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
    },
  ])('refuses $problem', async ({ input, error }) => {
    await expect(assume(kit.sts(), input)).rejects.toMatchObject(error);
    expect(kit.fake().issued).toEqual([]);
  });

  it('trusts no token when no web identity tokens are registered', async () => {
    await withFake({ roles: [{ arn: CI_ROLE, webIdentity: true }] }, async (client) => {
      await expect(assume(client, {})).rejects.toMatchObject(INVALID_TOKEN);
    });
  });

  it('reads claims from a registered function, and names ProviderId as the provider', async () => {
    const tokens = (token: string) => (token === 'Atza|opaque' ? { subject: 'amzn1.account.EXAMPLE', audience: 'client.example' } : undefined);
    await withFake({ roles: [{ arn: CI_ROLE, webIdentity: true }], webIdentity: { tokens } }, async (client) => {
      const answer = await assume(client, { WebIdentityToken: 'Atza|opaque', ProviderId: 'www.amazon.com' });

      expect(answer).toMatchObject({ SubjectFromWebIdentityToken: 'amzn1.account.EXAMPLE', Audience: 'client.example', Provider: 'www.amazon.com' });
      await expect(assume(client, { WebIdentityToken: TOKEN })).rejects.toMatchObject(INVALID_TOKEN);
    });
  });
});
