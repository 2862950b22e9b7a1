import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { FakeGithubOidc, GITHUB_ISSUER, GITHUB_SUBJECT, githubIdToken, startFakeGithubOidc } from './githubOidc';
import { CI_ROLE, keysOf, useFakeSts } from './stsTestKit';
import { jwtClaims } from './webIdentityToken';

const REQUEST_TOKEN = 'actions-runtime-request-token';

// Started before the fake STS's beforeEach, which registers its live list of issued tokens.
let github: FakeGithubOidc;
beforeEach(async () => {
  github = await startFakeGithubOidc({ requestToken: REQUEST_TOKEN, mint: (audience) => githubIdToken(audience) });
});
afterEach(() => github.close());
const kit = useFakeSts(() => ({ webIdentity: { tokens: github.issued } }));

/** What @actions/core's getIDToken sends. */
function requestIdToken(url: string, authorization = `Bearer ${REQUEST_TOKEN}`) {
  return fetch(url, { headers: { Authorization: authorization } });
}

describe(startFakeGithubOidc.name, () => {
  it('mints a token for the audience appended to ACTIONS_ID_TOKEN_REQUEST_URL', async () => {
    const answer = await requestIdToken(`${github.url}&audience=${encodeURIComponent('sts.amazonaws.com')}`);
    const body = (await answer.json()) as { count: number; value: string };

    expect(answer.status).toBe(200);
    expect(body).toEqual({ count: expect.any(Number), value: github.issued[0] });
    expect(jwtClaims(body.value)).toMatchObject({ issuer: GITHUB_ISSUER, subject: GITHUB_SUBJECT, audience: 'sts.amazonaws.com' });
    expect(github.calls).toEqual([
      {
        path: expect.stringMatching(/^\/_apis\/.+\/idtoken\?api-version=2\.0&audience=sts\.amazonaws\.com$/),
        authorization: `Bearer ${REQUEST_TOKEN}`,
        audience: 'sts.amazonaws.com',
        status: 200,
        token: body.value,
      },
    ]);
  });

  it("mints for the repository owner's URL when no audience is asked, and reads the scheme case-insensitively", async () => {
    const answer = await requestIdToken(github.url, `bearer ${REQUEST_TOKEN}`);
    const { value } = (await answer.json()) as { value: string };

    expect(jwtClaims(value)?.audience).toBe('https://github.com/octo-org');
    expect(github.calls[0].audience).toBeUndefined();
  });

  it.each([
    { problem: 'no Authorization header', url: () => github.url, authorization: undefined, status: 401 },
    { problem: 'another request token', url: () => github.url, authorization: 'Bearer stolen', status: 401 },
    { problem: 'the request token in another scheme', url: () => github.url, authorization: `Basic ${REQUEST_TOKEN}`, status: 401 },
    { problem: 'a query that replaced api-version', url: () => `${github.url.split('?')[0]}?audience=sts.amazonaws.com`, status: 400 },
    { problem: "another job's path", url: () => github.url.replace('/idtoken', '/other'), status: 404 },
  ])('answers $status to a request with $problem', async ({ url, authorization, status }) => {
    const answer = await fetch(url(), { headers: authorization === undefined ? {} : { Authorization: authorization } });

    expect(answer.status).toBe(status);
    expect(github.issued).toEqual([]);
  });

  it('mints tokens the fake STS takes for the CI role', async () => {
    const { value } = (await (await requestIdToken(`${github.url}&audience=sts.amazonaws.com`)).json()) as { value: string };

    const answer = await kit.sts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: CI_ROLE, RoleSessionName: 'gha', WebIdentityToken: value }));

    await expect(kit.sts(keysOf(answer.Credentials)).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Arn: 'arn:aws:sts::333333333333:assumed-role/ci/gha',
    });
  });
});
