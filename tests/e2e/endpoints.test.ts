import type { FakeSts } from '../fakes/sts';
import { makeHome, runCli } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// The standard endpoint settings, end to end: each way of naming an endpoint must bring the call to the fake.
let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

let nextCode = 400000;

const withAlice = (lines: string) => CONFIG.replace('[profile alice]\n', `[profile alice]\n${lines}`);

test.each<[string, string, NodeJS.ProcessEnv]>([
  ['AWS_ENDPOINT_URL_STS', CONFIG, { AWS_ENDPOINT_URL_STS: '{fake}' }],
  ['AWS_ENDPOINT_URL', CONFIG, { AWS_ENDPOINT_URL: '{fake}' }],
  ['the profile\'s endpoint_url', withAlice('endpoint_url = {fake}\n'), {}],
  ['a services section', `${withAlice('services = local\n')}\n[services local]\nsts =\n  endpoint_url = {fake}\n`, {}],
  ['AWS_ENDPOINT_URL_STS over a dead endpoint_url in the profile', withAlice('endpoint_url = http://127.0.0.1:1\n'), { AWS_ENDPOINT_URL_STS: '{fake}' }],
])('%s brings STS calls to the configured endpoint', async (_name, config, extraEnv) => {
  const fill = (text: string) => text.replace('{fake}', sts.url);
  const { env } = makeHome({ config: fill(config), credentials: CREDENTIALS });
  const before = sts.calls.length;
  const result = await runCli(['alice', '--mfa-code', String(nextCode++)], {
    env: { ...env, ...Object.fromEntries(Object.entries(extraEnv).map(([k, v]) => [k, fill(v!)])) },
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(sts.calls.slice(before).map((c) => c.action)).toEqual(['GetSessionToken']);
});

test.each<[string, string, NodeJS.ProcessEnv]>([
  ['an endpoint_url in [default] does not apply to another profile', `[default]\nendpoint_url = {fake}\n${CONFIG}`, {}],
  ['nor one in the profile AWS_PROFILE names', `${CONFIG}\n[profile other]\nendpoint_url = {fake}\n`, { AWS_PROFILE: 'other' }],
  ['ignore_configured_endpoint_urls in the profile turns the environment\'s off too', withAlice('ignore_configured_endpoint_urls = true\n'), { AWS_ENDPOINT_URL_STS: '{fake}' }],
])('%s', async (_name, config, extraEnv) => {
  const fill = (text: string) => text.replace('{fake}', sts.url);
  const { env } = makeHome({ config: fill(config), credentials: CREDENTIALS });
  const before = sts.calls.length;
  const result = await runCli(['alice', '--mfa-code', String(nextCode++)], {
    env: { ...env, ...Object.fromEntries(Object.entries(extraEnv).map(([k, v]) => [k, fill(v!)])) },
    timeoutMs: 60000,
  });
  // This machine reaches no real AWS endpoint, where these calls belong: the point is that the fake is not asked.
  expect(result.stdout).toBe('');
  expect(result.code).toBe(6);
  expect(result.stderr).toContain('cannot reach STS at the eu-west-1 regional endpoint');
  expect(sts.calls.length).toBe(before);
}, 60000);

test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true turns every configured endpoint off', async () => {
  const { env } = makeHome({ config: withAlice(`endpoint_url = ${sts.url}\n`), credentials: CREDENTIALS });
  const before = sts.calls.length;
  const result = await runCli(['alice', '--mfa-code', String(nextCode++)], {
    env: { ...env, AWS_ENDPOINT_URL_STS: sts.url, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
    timeoutMs: 60000,
  });
  // This machine reaches no real AWS endpoint: the point is that the fake is not asked.
  expect(result.stdout).toBe('');
  expect(result.code).toBe(6);
  expect(result.stderr).toContain('cannot reach STS at the eu-west-1 regional endpoint');
  expect(sts.calls.length).toBe(before);
}, 60000);
