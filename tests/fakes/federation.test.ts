import { AssumeRoleCommand, GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { startFakeFederation, type FakeFederation } from './federation';
import { alice, keysOf, useFakeSts, userKeys, type Keys } from './stsTestKit';

const kit = useFakeSts();
let federation: FakeFederation;
beforeEach(async () => {
  federation = await startFakeFederation(kit.fake());
});
afterEach(() => federation.close());

const session = (keys: Keys) => JSON.stringify({ sessionId: keys.accessKeyId, sessionKey: keys.secretAccessKey, sessionToken: keys.sessionToken });
const signinToken = (keys: Keys, extra: Record<string, string> = {}) =>
  fetch(`${federation.url}?${new URLSearchParams({ Action: 'getSigninToken', ...extra, Session: session(keys) })}`);
const roleKeys = async () => keysOf((await kit.sts(userKeys(alice)).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/base', RoleSessionName: 'console' }))).Credentials);

describe('fake federation endpoint', () => {
  it("signs a role's session in, and login redirects to the landing page naming the destination and who", async () => {
    const answer = await signinToken(await roleKeys(), { SessionDuration: '3600' });
    expect(answer.status).toBe(200);
    const { SigninToken } = (await answer.json()) as { SigninToken: string };
    const login = await fetch(`${federation.url}?${new URLSearchParams({ Action: 'login', Issuer: 'tests', Destination: 'https://console.aws.amazon.com/', SigninToken })}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const landing = await fetch(login.headers.get('location')!);
    expect(await landing.text()).toBe('console for arn:aws:sts::222222222222:assumed-role/base/console at https://console.aws.amazon.com/');
    expect(federation.calls.map((c) => c.action)).toEqual(['getSigninToken', 'login', 'landing']);
  });

  it("takes a federated user's session, without SessionDuration only", async () => {
    const keys = keysOf((await kit.sts(userKeys(alice)).send(new GetFederationTokenCommand({ Name: 'alice' }))).Credentials);
    expect((await signinToken(keys)).status).toBe(200);
    expect((await signinToken(keys, { SessionDuration: '3600' })).status).toBe(400);
  });

  it.each([
    { what: 'an MFA session', keys: () => kit.mfaSession() },
    { what: 'a wrong secret', keys: async () => ({ ...(await roleKeys()), sessionKey: 'x', secretAccessKey: 'wrong' }) },
  ])('refuses $what', async ({ keys }) => {
    expect((await signinToken(await keys())).status).toBe(400);
  });

  it('refuses a SessionDuration over 12 hours, and a login with a token it never gave', async () => {
    expect((await signinToken(await roleKeys(), { SessionDuration: '43201' })).status).toBe(400);
    const login = await fetch(`${federation.url}?Action=login&Destination=x&SigninToken=nope`, { redirect: 'manual' });
    expect(login.status).toBe(400);
  });
});
