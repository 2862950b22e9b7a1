import fs from 'node:fs';
import path from 'node:path';
import { exitCodes } from '../../src/core/errors';
import { EXPORTED_NAMES } from '../../src/render/plan';
import { renderers } from '../../src/render/formats';
import { makeHome } from '../support/cli';
import { runInShell, shellEnv, shellTempDir, removeShellTempDirs, takeFiles, type ShellResult } from '../support/shellRun';
import { INTEGRATION_SHELLS, LOADS, STATUS_VAR, awsuseCalls, loadIntegration, statusesOf, type IntegrationShell, type Load } from '../support/shellIntegration';
import { HOSTILE_VALUES } from '../render/hostileValues';

/**
 * awsuse as a user runs it: the integration loaded into a real bash, zsh and fish (both ways), the built CLI on
 * PATH, static keys in a throwaway HOME (no AWS involved), and every variable read back byte for byte.
 */

// Every file a hostile value could create lands here; the shells also run here, so relative paths land here too.
const canary = shellTempDir('canary');
const touch = (name: string) => `touch ${canary}/${name}`;

// INI values are trimmed, cannot hold line breaks, and take " ;" or " #" as the start of a comment; all else goes.
const HOSTILE = {
  accessKeyId: `AKIA'$(${touch('key')})'"\`${touch('key-backtick')}\`"`,
  secretAccessKey: `s'; ${touch('secret')}; echo '\\'"$HOME\${HOME}\\\\é☃日本🔑;&|*!%<>^~{a,b}(${touch('secret-fish')})`,
  sessionToken: `"; ${touch('token')}; echo "\\n\\t%PATH%!!$argv`,
  region: `eu-west-1'$(${touch('region')})`,
};
const WEIRD_NAME = `we'ird $(${touch('name')}) "name"`;
const WEIRD_KEY = `AKIA-weird-\`${touch('weird-key')}\``;

const CREDENTIALS = `[hostile]
aws_access_key_id = ${HOSTILE.accessKeyId}
aws_secret_access_key = ${HOSTILE.secretAccessKey}
aws_session_token = ${HOSTILE.sessionToken}
region = ${HOSTILE.region}

[plain]
aws_access_key_id = AKIAPLAIN
aws_secret_access_key = plain-secret

[${WEIRD_NAME}]
aws_access_key_id = ${WEIRD_KEY}
aws_secret_access_key = weird-secret
`;

const CONFIG = `[profile plain]
region = eu-west-1
`;

const { home, binDir } = makeHome({ credentials: CREDENTIALS, config: CONFIG });

afterAll(() => {
  removeShellTempDirs();
  fs.rmSync(home, { recursive: true, force: true });
});

const NAMES = [...EXPORTED_NAMES, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE'];
type Vars = Partial<Record<(typeof NAMES)[number], string | null>>;

const HOSTILE_EXPORTED: Vars = {
  AWS_ACCESS_KEY_ID: HOSTILE.accessKeyId,
  AWS_SECRET_ACCESS_KEY: HOSTILE.secretAccessKey,
  AWS_SESSION_TOKEN: HOSTILE.sessionToken,
  AWS_SECURITY_TOKEN: null,
  AWS_CREDENTIAL_EXPIRATION: null,
  AWS_REGION: HOSTILE.region,
  AWS_DEFAULT_REGION: HOSTILE.region,
  AWSENV_PROFILE: 'hostile',
  AWS_PROFILE: null,
  AWS_DEFAULT_PROFILE: null,
};
const CLEARED: Vars = Object.fromEntries(EXPORTED_NAMES.map((name) => [name, null]));
// What a user may have in the environment before: a profile, and leftovers of older tools.
const BEFORE: Vars = { AWS_PROFILE: 'hostile', AWS_DEFAULT_PROFILE: 'other', AWS_SECURITY_TOKEN: 'stale', AWS_CREDENTIAL_EXPIRATION: 'stale' };
// What the first awsuse finds and a clear gives back: the user's own region and profile.
const USER_REGION: Vars = { AWS_REGION: 'user-region', AWS_PROFILE: 'mine' };
const BEFORE_PROFILES: Vars = { AWS_PROFILE: BEFORE.AWS_PROFILE, AWS_DEFAULT_PROFILE: BEFORE.AWS_DEFAULT_PROFILE };
const WEIRD_EXPORTED: Vars = { AWS_ACCESS_KEY_ID: WEIRD_KEY, AWS_SECRET_ACCESS_KEY: 'weird-secret', AWS_SESSION_TOKEN: null, AWS_SECURITY_TOKEN: null, AWS_CREDENTIAL_EXPIRATION: null, AWSENV_PROFILE: WEIRD_NAME, AWS_PROFILE: null, AWS_DEFAULT_PROFILE: null };
const SENTINEL: Vars = { AWS_ACCESS_KEY_ID: 'SENTINEL', AWS_PROFILE: 'keep', AWS_REGION: 'keep-region' };

interface Scenario {
  readonly title: string;
  readonly calls: readonly (readonly string[])[];
  readonly before?: Vars;
  /** The variables that change; every other name must keep its value from before. */
  readonly after: Vars;
  /** The exit status of each call. */
  readonly statuses: readonly number[];
  readonly stderr?: string;
  /** The profile of each export among the calls, in order: each prints its summary line on stderr. */
  readonly exports?: readonly string[];
}

// The region-less profile exported where the user's own region stays: no region hint then.
const WEIRD_IN_USER_REGION = `${WEIRD_NAME}, in the user's region`;
// What awsuse says on stderr after an export of each profile: static keys, so no account, role or expiry; and for
// the one without a region, in a shell without one, how to give it one.
const SUMMARY: Readonly<Record<string, string>> = {
  hostile: 'awsenv: using profile "hostile": expiry unknown\n',
  plain: 'awsenv: using profile "plain": long-term keys\n',
  [WEIRD_NAME]:
    `awsenv: using profile "${WEIRD_NAME}": long-term keys\n` +
    `awsenv: hint: profile "${WEIRD_NAME}" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION\n`,
  [WEIRD_IN_USER_REGION]: `awsenv: using profile "${WEIRD_NAME}": long-term keys\n`,
};
const summaries = (profiles: readonly string[] = []) => profiles.map((profile) => SUMMARY[profile]).join('');

const SCENARIOS: readonly Scenario[] = [
  { title: 'awsuse PROFILE exports its keys, token and region byte for byte', calls: [['hostile']], before: BEFORE, after: HOSTILE_EXPORTED, statuses: [0], exports: ['hostile'] },
  { title: 'awsuse PROFILE succeeds in a shell with none of the variables set', calls: [['hostile']], after: HOSTILE_EXPORTED, statuses: [0], exports: ['hostile'] },
  {
    title: 'awsuse PROFILE names the profile in AWSENV_PROFILE, whatever its name',
    calls: [[WEIRD_NAME]],
    before: BEFORE,
    after: WEIRD_EXPORTED,
    statuses: [0],
    exports: [WEIRD_NAME],
  },
  {
    title: 'switching to a profile without a token drops the token, and takes the region from ~/.aws/config',
    calls: [['hostile'], ['plain']],
    after: { ...HOSTILE_EXPORTED, AWS_ACCESS_KEY_ID: 'AKIAPLAIN', AWS_SECRET_ACCESS_KEY: 'plain-secret', AWS_SESSION_TOKEN: null, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', AWSENV_PROFILE: 'plain' },
    statuses: [0, 0],
    exports: ['hostile', 'plain'],
  },
  {
    title: 'flags after the profile reach awsenv (--region)',
    calls: [['plain', '--region', 'us-east-2']],
    before: BEFORE,
    after: { AWS_ACCESS_KEY_ID: 'AKIAPLAIN', AWS_SECRET_ACCESS_KEY: 'plain-secret', AWS_SECURITY_TOKEN: null, AWS_CREDENTIAL_EXPIRATION: null, AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-east-2', AWSENV_PROFILE: 'plain', AWS_PROFILE: null, AWS_DEFAULT_PROFILE: null },
    statuses: [0],
    exports: ['plain'],
  },
  {
    title: 'awsuse -q and --quiet export without the summary line',
    calls: [['hostile', '-q'], ['--quiet', 'plain']],
    after: { ...HOSTILE_EXPORTED, AWS_ACCESS_KEY_ID: 'AKIAPLAIN', AWS_SECRET_ACCESS_KEY: 'plain-secret', AWS_SESSION_TOKEN: null, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', AWSENV_PROFILE: 'plain' },
    statuses: [0, 0],
  },
  {
    title: 'switching to a profile without a region clears the region awsenv set',
    calls: [['plain'], [WEIRD_NAME]],
    after: { ...WEIRD_EXPORTED, AWS_REGION: null, AWS_DEFAULT_REGION: null },
    statuses: [0, 0],
    exports: ['plain', WEIRD_NAME],
  },
  {
    title: "switching to a profile without a region gives the user's own region back",
    calls: [['plain'], [WEIRD_NAME]],
    before: USER_REGION,
    after: { ...WEIRD_EXPORTED, AWS_REGION: 'user-region', AWS_DEFAULT_REGION: null },
    statuses: [0, 0],
    exports: ['plain', WEIRD_IN_USER_REGION],
  },
  { title: 'a profile without a region keeps the region the user set', calls: [[WEIRD_NAME]], before: USER_REGION, after: WEIRD_EXPORTED, statuses: [0], exports: [WEIRD_IN_USER_REGION] },
  // Clearing says nothing: the shell's prompt (awsenv prompt) shows it.
  { title: 'awsuse -u clears them', calls: [['hostile'], ['-u']], before: BEFORE, after: { ...HOSTILE_EXPORTED, ...CLEARED, ...BEFORE_PROFILES }, statuses: [0, 0], exports: ['hostile'] },
  { title: 'awsuse --unset clears them', calls: [['hostile'], ['--unset']], before: BEFORE, after: { ...HOSTILE_EXPORTED, ...CLEARED, ...BEFORE_PROFILES }, statuses: [0, 0], exports: ['hostile'] },
  {
    title: 'clearing after switches gives back the region and profile the user had before the first awsuse',
    calls: [['hostile'], ['plain'], [WEIRD_NAME], ['-u']],
    before: USER_REGION,
    after: { ...CLEARED, AWS_REGION: 'user-region', AWS_PROFILE: 'mine' },
    statuses: [0, 0, 0, 0],
    exports: ['hostile', 'plain', WEIRD_IN_USER_REGION],
  },
  // The profile first: fish would take a first argument "-u" for a flag of its own.
  {
    title: 'awsuse PROFILE -u clears too, says the profile is ignored, and succeeds when there is nothing to clear',
    calls: [['plain', '-u']],
    after: {},
    statuses: [0],
    stderr: 'awsenv: warning: --unset clears the credentials: the profile "plain" is ignored\n',
  },
  {
    title: '--auto-refresh for keys that never expire exports them, and says there is nothing to renew',
    calls: [['plain', '--auto-refresh']],
    after: { AWS_ACCESS_KEY_ID: 'AKIAPLAIN', AWS_SECRET_ACCESS_KEY: 'plain-secret', AWS_SESSION_TOKEN: null, AWS_SECURITY_TOKEN: null, AWS_CREDENTIAL_EXPIRATION: null, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', AWSENV_PROFILE: 'plain', AWS_PROFILE: null, AWS_DEFAULT_PROFILE: null },
    statuses: [0],
    stderr: 'awsenv: warning: --auto-refresh has nothing to renew: the credentials of profile "plain" do not expire\n',
    exports: [],
  },
  // No terminal here (the shells run without one, as in CI): a bare awsuse has no one to show a picker to.
  {
    title: 'awsuse with no argument and no terminal lists the profiles on stderr, fails with the usage code and changes nothing',
    calls: [['hostile'], []],
    before: BEFORE,
    after: HOSTILE_EXPORTED,
    statuses: [0, exitCodes.usage],
    stderr: `hostile\nplain\n${WEIRD_NAME}\nawsenv: awsuse needs a profile, and there is no terminal to pick one on\n  Run awsuse PROFILE with one of the profiles above, or awsuse -u to clear the shell's credentials.\n`,
    exports: ['hostile'],
  },
  { title: 'an unknown profile fails with the config exit code and changes nothing', calls: [['nosuchprofile']], before: SENTINEL, after: {}, statuses: [exitCodes.config], stderr: 'nosuchprofile' },
  {
    title: 'a failure after a success leaves the exported credentials alone',
    calls: [['hostile'], ['nosuchprofile']],
    before: BEFORE,
    after: HOSTILE_EXPORTED,
    statuses: [0, exitCodes.config],
    stderr: 'nosuchprofile',
    exports: ['hostile'],
  },
  { title: 'an unknown flag fails with the usage exit code and changes nothing', calls: [['plain', '--bogus']], before: SENTINEL, after: {}, statuses: [exitCodes.usage], stderr: 'bogus' },
];

const expectedVars = (before: Vars, after: Vars) => Object.fromEntries(NAMES.map((name) => [name, name in after ? after[name] : (before[name] ?? null)]));

function varsOf(result: ShellResult): Record<string, string | null> {
  return Object.fromEntries(
    NAMES.map((name) => {
      const value = result.vars.get(name);
      // Set in the shell must mean exported, as one value: tools run from the shell see only the environment.
      if (value && (value.length !== 1 || result.exported.get(name) !== value[0])) return [name, `<not exported as one value: ${JSON.stringify(value)}>`];
      return [name, value ? value[0] : null];
    }),
  );
}

const cases = INTEGRATION_SHELLS.flatMap((integration) => LOADS.map((load) => [integration.shell.name, load, integration] as [string, Load, IntegrationShell]));

describe.each(cases)('awsuse in %s, loaded by %s', (_name, load, integration) => {
  const { shell } = integration;
  const run = (calls: Scenario['calls'], before: Vars = {}, setup = loadIntegration(integration, load)) =>
    runInShell(shell, {
      setup,
      ...awsuseCalls(shell, calls),
      names: [...NAMES, STATUS_VAR],
      env: shellEnv(home, before as NodeJS.ProcessEnv, [binDir]),
      cwd: canary,
    });

  afterEach(() => {
    // Checked after every test, and emptied so that one test's evidence is not blamed on the next.
    expect(takeFiles(canary)).toEqual([]);
  });

  test.each(SCENARIOS.map((scenario) => [scenario.title, scenario] as const))('%s', async (_title, scenario) => {
    const result = await run(scenario.calls, scenario.before);
    expect(varsOf(result)).toEqual(expectedVars(scenario.before ?? {}, scenario.after));
    expect({ statuses: statusesOf(result), loadPrinted: result.setupOutput, awsusePrinted: result.bodyOutput }).toEqual({ statuses: scenario.statuses, loadPrinted: '', awsusePrinted: '' });
    // The summaries first, each when its export is done, then what a failure says.
    expect(result.stderr.slice(0, summaries(scenario.exports).length)).toBe(summaries(scenario.exports));
    if (scenario.stderr) expect(result.stderr).toContain(scenario.stderr);
    else expect(result.stderr).toBe(summaries(scenario.exports));
  });

  test('loading the integration twice changes nothing', async () => {
    const twice = `${loadIntegration(integration, load)}\n${loadIntegration(integration, load)}`;
    const result = await run([['hostile']], BEFORE, twice);
    expect(varsOf(result)).toEqual(expectedVars(BEFORE, HOSTILE_EXPORTED));
    expect({ statuses: statusesOf(result), stderr: result.stderr }).toEqual({ statuses: [0], stderr: summaries(['hostile']) });
  });
});

/**
 * A fake awsenv in front of the wrapper: it records its arguments and prints what the real renderer makes of
 * values no INI file can hold (line breaks, empty strings, 100k characters), so the wrapper's own handling of
 * arguments and output is tested apart from the CLI.
 */
describe.each(INTEGRATION_SHELLS.map((integration) => [integration.shell.name, integration] as [string, IntegrationShell]))('the %s wrapper around a fake awsenv', (_name, integration) => {
  const { shell } = integration;
  const format = shell.dialect === 'fish' ? 'fish' : 'sh';
  const dir = shellTempDir('fake');
  const argsFile = path.join(dir, 'args');
  const outputFile = path.join(dir, 'output');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin', 'awsenv'), `#!/bin/sh\nprintf '%s\\0' "$@" > '${argsFile}'\nexec cat '${outputFile}'\n`, { mode: 0o755 });
  const names = HOSTILE_VALUES.map((_entry, i) => `AWSENV_TEST_${i}`);
  fs.writeFileSync(outputFile, renderers[format].render(HOSTILE_VALUES.map(([, value], i) => [names[i], value] as const)));

  const run = (args: readonly string[]) =>
    runInShell(shell, {
      setup: loadIntegration(integration, 'source'),
      ...awsuseCalls(shell, [args]),
      names: [...names, STATUS_VAR],
      env: shellEnv(shellTempDir('home'), {}, [path.join(dir, 'bin')]),
      cwd: canary,
    });

  test(`passes its arguments on verbatim after "use --format ${format}"`, async () => {
    const args = ['a profile', '', '*', "it's", '$HOME', '-u', '--region', 'x y'];
    await run(args);
    expect(fs.readFileSync(argsFile, 'utf8').split('\0').slice(0, -1)).toEqual(['use', '--format', format, ...args]);
  });

  test('evaluates every hostile value exactly, nothing run, nothing printed', async () => {
    const result = await run(['p']);
    expect(Object.fromEntries(names.map((name) => [name, result.vars.get(name) ?? null]))).toEqual(Object.fromEntries(HOSTILE_VALUES.map(([, value], i) => [names[i], [value]])));
    expect({ created: fs.readdirSync(canary), statuses: statusesOf(result), printed: result.bodyOutput }).toEqual({ created: [], statuses: [0], printed: '' });
  });
});
