import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { AWSENV_BIN, makeHome, runCli, runProcess } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// Speed guard, by facts rather than timings: the Node built-ins a warm export must not load, because loading them
// costs more than the export's own work (node:crypto, child_process, the promise timers, os, and the stream machinery a first touch of process.stderr builds), and proof that the
// tracer sees them when they are loaded.
const tracer = path.resolve(__dirname, '..', 'support', 'builtinTrace.js');
const HEAVY = ['crypto', 'child_process', 'timers/promises', 'os', 'readline', 'tty', 'http', 'https', 'stream', 'assert'];

let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

async function builtinsLoadedBy(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const log = path.join(env.HOME!, `builtins-${Date.now()}-${Math.random()}.txt`);
  const result = await runProcess(process.execPath, ['--require', tracer, AWSENV_BIN, ...args], { env: { ...env, AWSENV_TEST_BUILTIN_LOG: log } });
  // Nothing on stderr but the summary line of `use`.
  expect([result.code, result.stderr.replace(/^awsenv: using profile "[^"\n]+": [^\n]+\n$/, '')]).toEqual([0, '']);
  return fs.readFileSync(log, 'utf8').split('\n');
}

test('a cold run loads crypto and http (the tracer sees them); the cached runs after it load none of the heavy ones', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  expect(await builtinsLoadedBy(['admin', '--mfa-code', '123456'], world)).toEqual(expect.arrayContaining(['crypto', 'http']));
  for (const args of [['admin'], ['alice'], ['use', 'admin']]) {
    expect((await builtinsLoadedBy(args, world)).filter((name) => HEAVY.includes(name))).toEqual([]);
  }
});

test.each([[['unset']], [['init', 'zsh']], [['list']], [['prompt']]])('awsenv %j loads none of the heavy built-ins', async (args) => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const exported = { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: '2099-01-01T00:00:00Z' };
  expect((await builtinsLoadedBy(args, { ...env, ...exported })).filter((name) => HEAVY.includes(name))).toEqual([]);
});

test('a static profile needs no cache at all, and loads none of them either', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: `${CREDENTIALS}[static]\naws_access_key_id = AKIASTATIC0000000001\naws_secret_access_key = s\n` });
  expect((await runCli(['static'], { env })).code).toBe(0);
  expect((await builtinsLoadedBy(['static'], env)).filter((name) => HEAVY.includes(name))).toEqual([]);
});
