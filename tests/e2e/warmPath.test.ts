import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { AWSENV_BIN, makeHome, runProcess } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// Speed guard: a run that needs no AWS call must not load the AWS SDK, whose import alone costs more than
// Node's own start-up. Timings belong in benchmarks; which modules load is a fact a test can check.
let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

const tracer = path.resolve(__dirname, '..', 'support', 'moduleTrace.js');

async function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const log = path.join(env.HOME!, `modules-${Date.now()}-${Math.random()}.txt`);
  const result = await runProcess(process.execPath, ['--require', tracer, AWSENV_BIN, ...args], { env: { ...env, AWSENV_TEST_MODULE_LOG: log } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return fs.readFileSync(log, 'utf8').split('\n');
}

const sdkModules = (modules: string[]) => modules.filter((m) => m.includes(`${path.sep}@aws-sdk${path.sep}`));

test('a cold run loads the SDK, the cached run after it does not', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  // The cold run proves the tracer sees the SDK when it is there.
  expect(sdkModules(await modulesLoadedBy(['admin', '--mfa-code', '123456'], world)).length).toBeGreaterThan(0);
  for (const profile of ['admin', 'alice']) {
    expect(sdkModules(await modulesLoadedBy([profile], world))).toEqual([]);
  }
});

test.each([[['list', '--long']], [['unset']], [['init', 'zsh']], [['--help']], [['use']]])('awsenv %j never loads the SDK', async (args) => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  expect(sdkModules(await modulesLoadedBy(args, env))).toEqual([]);
});
