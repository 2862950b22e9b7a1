import fs from 'node:fs';
import path from 'node:path';
import type { FakeSts } from '../fakes/sts';
import { AWSENV_BIN, makeHome, runProcess } from '../support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../support/stsWorld';

// Speed guards: a run that needs no AWS call must not load the AWS SDK, whose import alone costs more than Node's own
// start-up, and the lines shells run must not start yargs. Timings belong in benchmarks; which modules load is a fact
// a test can check.
let sts: FakeSts;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

const tracer = path.resolve(__dirname, '..', 'support', 'moduleTrace.js');

/**
 * The modules a run of the bin loads: the files Node loaded (require.cache, written by the preloaded tracer), and the
 * bundles that ran and the modules inside them whose code ran. Those never reach require.cache; V8's coverage, which
 * NODE_V8_COVERAGE writes at exit, lists each script by its name and counts the calls of each module's factory, which
 * esbuild names after the module's path.
 */
async function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const log = path.join(env.HOME!, `modules-${Date.now()}-${Math.random()}.txt`);
  const coverage = fs.mkdtempSync(path.join(env.HOME!, 'coverage-'));
  const result = await runProcess(process.execPath, ['--require', tracer, AWSENV_BIN, ...args], { env: { ...env, AWSENV_TEST_MODULE_LOG: log, NODE_V8_COVERAGE: coverage } });
  // Nothing but the summary line of `use`.
  expect(result.stderr).toMatch(args[0] === 'use' ? /^(awsenv: using profile "[^"\n]+": [^\n]+\n)?$/ : /^$/);
  expect(result.code).toBe(0);
  const bundled = fs
    .readdirSync(coverage)
    .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(coverage, file), 'utf8')) as V8Coverage).result)
    .filter((script) => BUNDLES.includes(script.url))
    .flatMap((script) => [script.url, ...script.functions.filter((fn) => fn.ranges[0].count > 0).map((fn) => fn.functionName)]);
  return [...fs.readFileSync(log, 'utf8').split('\n'), ...bundled];
}

interface V8Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

/** What an export of admin leaves in a shell, for `awsenv prompt` to show (and the other lines to ignore). */
const EXPORTED = { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: '2099-01-01T00:00:00Z' };

/** The warm bundle, always loaded, and the cold one, loaded when the warm side first needs one of its modules. */
const BUNDLES = ['awsenv-main.js', 'awsenv-cold.js'];
/** The modules of one package among those loaded, by a whole path segment: "yargs" is not "yargs-parser". */
const modulesOf = (pkg: string, modules: string[]) => modules.filter((m) => m.split(/[\\/]/).includes(pkg));
const sdkModules = (modules: string[]) => modulesOf('@aws-sdk', modules);

test('a cold run loads the SDK, the cached run after it does not', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  // The cold run proves the tracer sees the SDK when it is there.
  expect(sdkModules(await modulesLoadedBy(['admin', '--mfa-code', '123456'], world)).length).toBeGreaterThan(0);
  for (const profile of ['admin', 'alice']) {
    expect(sdkModules(await modulesLoadedBy([profile], world))).toEqual([]);
  }
});

test.each([[['list', '--long']], [['unset']], [['init', 'zsh']], [['--help']], [['use', '-u']], [['prompt']], [['__complete', 'export', '']]])('awsenv %j never loads the SDK', async (args) => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  expect(sdkModules(await modulesLoadedBy(args, { ...env, ...EXPORTED }))).toEqual([]);
});

// yargs' module init and parser building were the largest share of a cached export, zod's set-up the next (issue 14).
test('the lines shells run, and --help, start neither yargs nor zod; other lines start yargs, a cold run zod', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  // These prove the guard sees each package when it runs: both are bundled, and found only by their modules' coverage.
  expect(modulesOf('yargs', await modulesLoadedBy(['list', '--long', '--help'], world)).length).toBeGreaterThan(0);
  // A code of its own: the fake STS, like a device, takes each code once.
  expect(modulesOf('zod', await modulesLoadedBy(['admin', '--mfa-code', '234567'], world)).length).toBeGreaterThan(0);
  for (const args of [['admin'], ['alice'], ['use', '--format', 'sh', 'admin'], ['alice', '-f', 'fish'], ['unset'], ['list'], ['init', 'zsh'], ['init', 'powershell'], ['--help'], ['prompt'], ['prompt', '-f', '{profile}'], ['__complete', ''], ['__complete', 'use', '-f', ''], ['__complete', 'exec', 'admin', '']]) {
    const loaded = await modulesLoadedBy(args, { ...world, ...EXPORTED });
    expect([args, modulesOf('yargs', loaded), modulesOf('zod', loaded)]).toEqual([args, [], []]);
  }
});

// The cold bundle is most of the code: reading it and checking its code cache alone would cost a cached export.
test('the lines shells run never load the cold bundle; a cold run and yargs do', async () => {
  const { env } = makeHome({ config: CONFIG, credentials: CREDENTIALS });
  const world = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
  expect(await modulesLoadedBy(['list', '--long', '--help'], world)).toContain('awsenv-cold.js');
  expect(await modulesLoadedBy(['admin', '--mfa-code', '345678'], world)).toContain('awsenv-cold.js');
  for (const args of [['admin'], ['alice'], ['use', 'admin'], ['alice', '-f', 'fish'], ['unset'], ['list'], ['init', 'zsh'], ['--help'], ['--version'], ['prompt']]) {
    const loaded = await modulesLoadedBy(args, { ...world, ...EXPORTED });
    expect([args, loaded.includes('awsenv-main.js'), loaded.includes('awsenv-cold.js')]).toEqual([args, true, false]);
  }
});
