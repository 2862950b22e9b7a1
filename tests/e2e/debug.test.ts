import type { FakeSts } from '../fakes/sts';
import { makeHome, runCli } from '../support/cli';
import { ALICE, ADMIN_ROLE, CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

test('--debug shows the chain and every AWS call, and no secret', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const result = await runCli(['admin', '--debug', '--mfa-code', '314159'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } });
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      'awsenv: chain for profile "admin", exporting region eu-central-1:',
      '  1. keys of profile "alice" (AKIA…0001)',
      expect.stringMatching(/^ {2}2\. MFA session for profile "alice": GetSessionToken with arn:aws:iam::111111111111:mfa\/alice, 43200s, STS in \S+ at http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(new RegExp(`^  3\\. role of profile "admin": AssumeRole ${ADMIN_ROLE}, STS in eu-central-1 at http://127\\.0\\.0\\.1:\\d+$`)),
    ]),
  );
  expect(lines.filter((line) => line.startsWith('awsenv: AWS call: STS')).map((line) => line.split(' ')[4])).toEqual(['GetSessionToken', 'AssumeRole']);
  const secrets = [ALICE.secretAccessKey, '314159', ...sts.issued.flatMap((c) => [c.secretAccessKey, c.sessionToken, c.accessKeyId])];
  expect(secrets.length).toBe(2 + 3 * 2);
  for (const secret of secrets) expect(result.stderr).not.toContain(secret);
  // The SDK's notice about Node versions before 22 belongs behind --debug, and only there.
  if (Number(process.versions.node.split('.')[0]) < 22) expect(result.stderr).toContain('NodeVersionSupportWarning');
});

test('without --debug a successful cold run writes nothing at all on stderr', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const result = await runCli(['admin', '--mfa-code', '271828'], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url } });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
});
