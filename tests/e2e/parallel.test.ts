import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { cacheDirOf, makeHome, runCli, type CliResult } from '../support/cli';
import { awsCliSignIn, writeAwsCliToken } from '../support/ssoAwsCliToken';
import { useSsoWorld } from '../support/ssoHooks';
import { SESSION_CONFIG, SESSION_FORM, endpointsOf, readTokenFile, ssoActions, startSsoWorld } from '../support/ssoWorld';
import { killTtySessions, occurrences, startTtySession } from '../support/ttySession';
import { ADMIN_ROLE, ALICE, CONFIG, CREDENTIALS, READONLY_ROLE, startWorld } from '../support/stsWorld';

// Many shells at once (a tmux layout, `make -j`, parallel pipeline jobs) on a cold cache: one MFA session, one
// assumption of each role, one refresh of a sign-in, whatever the number of processes. Real processes, real files.

const calls = (sts: FakeSts, since: number) => sts.calls.slice(since).map((c) => [c.action, c.params.RoleArn ?? null, c.status]);
const leftovers = (home: string) => fs.readdirSync(cacheDirOf(home)).filter((name) => !name.endsWith('.json'));
// A waiter may say, on stderr, whom it waits for; nothing else may be said.
const WAITING = /^(awsenv: waiting for another awsenv \(pid \d+\) to finish [^\n]+\n)*$/;
const outcomes = (results: CliResult[]) => results.map((r) => [r.code, r.stdout === '' ? 'empty' : 'exports', WAITING.test(r.stderr) ? 'quiet' : r.stderr]);

describe('parallel cold runs of MFA roles', () => {
  let sts: FakeSts;
  beforeAll(async () => {
    sts = await startWorld();
  });
  afterAll(() => sts.close());

  // The fake takes each MFA code once: every test types its own, and all of a test's processes the same one.
  let code = 300000;
  beforeEach(() => void code++);
  const run = (profile: string, env: NodeJS.ProcessEnv) => runCli([profile, '--mfa-code', String(code)], { env: { ...env, AWS_ENDPOINT_URL_STS: sts.url }, timeoutMs: 60000 });

  test('20 runs of one role: one GetSessionToken, one AssumeRole, the same credentials for all, a whole cache', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const before = sts.calls.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => run('admin', env)));
    expect(outcomes(results)).toEqual(results.map(() => [0, 'exports', 'quiet']));
    expect(new Set(results.map((r) => r.stdout)).size).toBe(1);
    expect(calls(sts, before)).toEqual([
      ['GetSessionToken', null, 200],
      ['AssumeRole', ADMIN_ROLE, 200],
    ]);
    expect(fs.readdirSync(cacheDirOf(home)).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(leftovers(home)).toEqual([]);
  }, 90000);

  test('two roles on one source, ten runs each: one GetSessionToken between them, one AssumeRole each', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    const before = sts.calls.length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => run(i % 2 ? 'readonly' : 'admin', env)));
    expect(outcomes(results)).toEqual(results.map(() => [0, 'exports', 'quiet']));
    expect(new Set(results.map((r) => r.stdout)).size).toBe(2);
    const made = calls(sts, before);
    expect(made.filter(([action]) => action === 'GetSessionToken')).toEqual([['GetSessionToken', null, 200]]);
    expect(made.filter(([action]) => action === 'AssumeRole').sort()).toEqual([
      ['AssumeRole', ADMIN_ROLE, 200],
      ['AssumeRole', READONLY_ROLE, 200],
    ]);
    expect(leftovers(home)).toEqual([]);
  }, 90000);

  test('on one terminal, five shells wanting the same MFA session get one prompt between them', async () => {
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    // Five awsenv at once on the terminal, as tmux panes restored together; each one's output to its own file.
    const script = path.join(home, 'five.sh');
    fs.writeFileSync(script, 'for i in 1 2 3 4 5; do awsenv admin >"$HOME/out.$i" 2>"$HOME/err.$i" & done; wait; printf "all done\\n"\n');
    const before = sts.calls.length;
    const session = startTtySession(`bash --norc --noprofile ${script}`, { ...env, AWS_ENDPOINT_URL_STS: sts.url });
    try {
      const prompt = `Enter MFA code for ${ALICE.mfaSerial}:`;
      await session.waitFor(prompt);
      session.type(`${code}\n`);
      const { screen } = await session.exit(30000);
      expect(screen).toContain('all done');
      expect(occurrences(screen, prompt)).toBe(1);
    } finally {
      killTtySessions();
    }
    const outputs = [1, 2, 3, 4, 5].map((i) => fs.readFileSync(path.join(home, `out.${i}`), 'utf8'));
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('AWS_SESSION_TOKEN');
    expect(calls(sts, before).map(([action]) => action)).toEqual(['GetSessionToken', 'AssumeRole']);
  }, 60000);

  test('locks left by a killed awsenv do not hold up the next run', async () => {
    // The keys of the cache entries (and so of their locks) depend on the chain, not on HOME: learn them elsewhere.
    const scratch = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    expect((await run('admin', scratch.env)).code).toBe(0);
    code++;
    const { home, env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
    fs.mkdirSync(cacheDirOf(home), { mode: 0o700 });
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    for (const entry of fs.readdirSync(cacheDirOf(scratch.home))) {
      const lock = path.join(cacheDirOf(home), entry.replace(/\.json$/, '.lock'));
      fs.writeFileSync(lock, JSON.stringify({ pid: dead, what: 'the MFA session of alice', since: new Date().toISOString(), nonce: 'dead' }));
    }
    const before = sts.calls.length;
    const result = await run('admin', env);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(calls(sts, before).map(([action]) => action)).toEqual(['GetSessionToken', 'AssumeRole']);
    expect(leftovers(home)).toEqual([]);
  }, 60000);
});

describe('parallel runs of one IAM Identity Center sign-in', () => {
  const world = useSsoWorld();

  test('ten exports of an expired sign-in make one refresh, and all succeed', async () => {
    const { home, env } = world.signedOutHome(SESSION_FORM.config);
    writeAwsCliToken(home, SESSION_FORM, { ...(await awsCliSignIn(world.sso, SESSION_FORM)), expiresAt: '2020-01-01T00:00:00Z' });
    world.sso.expireAccessTokens();
    const since = world.sso.calls.length;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => runCli([i % 2 ? 'deploy' : 'dev'], { env, timeoutMs: 60000 })));
    expect(outcomes(results)).toEqual(results.map(() => [0, 'exports', 'quiet']));
    expect(ssoActions(world.sso, since).filter((action) => action.startsWith('oidc '))).toEqual(['oidc CreateToken']);
    expect(world.sso.accessTokens()).toContain(readTokenFile(home, SESSION_FORM.cacheKey).accessToken);
  }, 90000);
});

describe('parallel cold runs on one terminal with no IAM Identity Center sign-in', () => {
  test('ten exports at once make one device sign-in, which all ten use', async () => {
    const world = await startSsoWorld();
    try {
      const { home, env } = makeHome({ config: SESSION_CONFIG });
      const script = path.join(home, 'ten.sh');
      fs.writeFileSync(script, 'for i in 1 2 3 4 5 6 7 8 9 10; do awsenv dev >"$HOME/out.$i" 2>"$HOME/err.$i" & done; wait; printf "all done\\n"\n');
      const session = startTtySession(`bash --norc --noprofile ${script}`, { ...env, ...endpointsOf(world) });
      try {
        // The sign-in prompt goes to stderr, here each run's own file: wait for the one run that signs in.
        const errs = () => fs.readdirSync(home).filter((f) => f.startsWith('err.')).map((f) => fs.readFileSync(path.join(home, f), 'utf8'));
        const deadline = Date.now() + 30000;
        while (!errs().some((text) => text.includes('and check that it shows the code')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        const prompts = errs().filter((text) => text.includes('and check that it shows the code'));
        expect(prompts).toHaveLength(1);
        world.sso.approve(/code ([A-Z]{4}-[A-Z]{4})/.exec(prompts[0])![1]);
        const { screen } = await session.exit(60000);
        expect(screen).toContain('all done');
      } finally {
        killTtySessions();
      }
      const outputs = Array.from({ length: 10 }, (_, i) => fs.readFileSync(path.join(home, `out.${i + 1}`), 'utf8'));
      expect(outputs.every((out) => out.includes('AWS_SESSION_TOKEN'))).toBe(true);
      expect(world.sso.calls.filter((c) => c.action === 'StartDeviceAuthorization')).toHaveLength(1);
      expect(world.sso.calls.filter((c) => c.action === 'GetRoleCredentials')).toHaveLength(1);
    } finally {
      await world.close();
    }
  }, 90000);
});
