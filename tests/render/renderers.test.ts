import { AwsenvError } from '../../src/core/errors';
import { renderers, rendererFor, formatChoices, type FormatName } from '../../src/render/formats';
import { exportPlan, unsetPlan, EXPORTED_NAMES, type Plan } from '../../src/render/plan';
import { BASH, FISH, POSIX_SH, ZSH, ZSH_RC_QUOTES, removeShellTempDirs, type Shell } from '../support/shellRun';
import { HOSTILE_VALUES } from './hostileValues';
import {
  effectIn,
  evaluateIn,
  planNames,
  readCmd,
  readCredentialProcess,
  readDotenv,
  readJson,
  readPowerShell,
  STALE,
  type Effect,
} from './formatReaders';

afterAll(removeShellTempDirs);

const EXPIRATION = new Date('2030-01-02T03:04:05.678Z');

interface FormatSpec {
  /** The variable whose value the format refuses (as its doc comment says it does), or undefined if it takes the plan. */
  refusal(plan: Plan): string | undefined;
  /** What the output is meant to leave its consumer with. */
  carries(plan: Plan): Effect;
  read(output: string, plan: Plan): Effect | Promise<Effect>;
}

const everything = (plan: Plan): Effect => Object.fromEntries(plan);
const firstValue = (plan: Plan, bad: RegExp) => plan.find(([, value]) => value !== null && bad.test(value))?.[0];
const inShell = (shell: Shell) => async (output: string, plan: Plan) => effectIn((await evaluateIn(shell, output, planNames(plan))).result, planNames(plan));
const CREDENTIAL_NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION'];

// A Record over FormatName: a format added to the registry does not compile until it says what it carries here.
// A NUL byte reaches no shell and no environment intact (bash drops it, fish refuses the line), so only the JSON
// formats keep it (as \u0000).
const FORMATS: Record<FormatName, FormatSpec> = {
  sh: { refusal: (plan) => firstValue(plan, /\0/), carries: everything, read: inShell(BASH) },
  fish: { refusal: (plan) => firstValue(plan, /\0/), carries: everything, read: inShell(FISH) },
  powershell: { refusal: (plan) => firstValue(plan, /\0/), carries: everything, read: readPowerShell },
  cmd: { refusal: (plan) => firstValue(plan, /["\r\n\0]/), carries: everything, read: readCmd },
  // .env has no way to say "unset": those names are left out.
  dotenv: {
    refusal: (plan) => firstValue(plan, /[\r\n\0]/),
    carries: (plan) => Object.fromEntries(plan.filter(([, value]) => value !== null)),
    read: readDotenv,
  },
  json: { refusal: () => undefined, carries: everything, read: readJson },
  // credential_process output carries the credentials and nothing else, so it needs a key to carry.
  process: {
    refusal: (plan) => (plan.find(([name]) => name === 'AWS_ACCESS_KEY_ID')?.[1] ? undefined : 'AWS_ACCESS_KEY_ID'),
    carries: (plan) => Object.fromEntries(plan.filter(([name, value]) => CREDENTIAL_NAMES.includes(name) && value !== null)),
    read: readCredentialProcess,
  },
  // GitHub Actions: the variables go to $GITHUB_ENV (never unset there), stdout masks the secrets.
  github: {
    refusal: (plan) => (plan.find(([name]) => name === 'AWS_ACCESS_KEY_ID')?.[1] ? firstValue(plan, /\0/) : 'AWS_ACCESS_KEY_ID'),
    carries: (plan) => Object.fromEntries(plan.filter(([, value]) => value !== null)),
    read: (output, plan) => {
      const masked = output.split('\n').filter(Boolean).map((line) => decodeURIComponent(line.replace(/^::add-mask::/, '')));
      const secrets = plan.filter(([name, value]) => value !== null && ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].includes(name)).map(([, value]) => value);
      expect(masked).toEqual(secrets);
      return readGithubEnv(renderers.github.appendTo!.render(plan));
    },
  },
};

/** Reads a $GITHUB_ENV file as the runner does: NAME=value lines and NAME<<DELIMITER blocks. */
function readGithubEnv(text: string): Effect {
  const lines = text.split('\n');
  const effect: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const block = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (!block) continue;
    const end = lines.indexOf(block[2], i + 1);
    effect[block[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return effect;
}

const everyValue = (value: string) =>
  exportPlan({ accessKeyId: value, secretAccessKey: value, sessionToken: value, expiration: EXPIRATION }, value, value);

const NUL_IN_TOKEN = exportPlan({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'before\0after', expiration: EXPIRATION }, 'dev', undefined);

// Credentials, profile names and regions are never empty, so the empty string is left to the shell round trips.
const PLANS: ReadonlyArray<readonly [string, Plan]> = [
  ['session credentials with a region', exportPlan({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret/Key+1', sessionToken: 'FwoGZX//token=', expiration: EXPIRATION }, 'dev', 'eu-west-1')],
  ['long-term keys without a region', exportPlan({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }, 'default', undefined)],
  ['the unset plan', unsetPlan()],
  ['a NUL byte in the session token', NUL_IN_TOKEN],
  ...HOSTILE_VALUES.filter(([, value]) => value !== '').map(([label, value]) => [`every value: ${label}`, everyValue(value)] as const),
];

describe('every registered renderer', () => {
  test('has a spec here for exactly the registered formats', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(Object.keys(renderers).sort());
  });

  describe.each(Object.keys(renderers) as FormatName[])('%s', (format) => {
    const spec = FORMATS[format];

    test.each(PLANS)('%s: carried exactly, or refused as documented', async (_label, plan) => {
      const refused = spec.refusal(plan);
      if (refused) {
        const error = catchError(() => renderers[format].render(plan));
        expect(error).toBeInstanceOf(AwsenvError);
        expect(error).toMatchObject({ kind: 'usage', message: expect.stringContaining(`${format} format cannot carry ${refused}`) });
        return;
      }
      const output = renderers[format].render(plan);
      expect(output.endsWith('\n')).toBe(true);
      expect(await spec.read(output, plan)).toEqual(spec.carries(plan));
    });
  });

  test('only json and process carry a NUL byte; every other format refuses it, naming the variable and the byte', () => {
    const outcome = (format: FormatName) => {
      try {
        renderers[format].render(NUL_IN_TOKEN);
        return 'carried';
      } catch (error) {
        return (error as AwsenvError).message;
      }
    };
    const outcomes = Object.fromEntries((Object.keys(renderers) as FormatName[]).map((format) => [format, outcome(format)]));
    const refused = (format: string) => `the ${format} format cannot carry AWS_SESSION_TOKEN: its value has a NUL byte`;
    expect(outcomes).toEqual({
      sh: refused('sh'),
      fish: refused('fish'),
      powershell: refused('powershell'),
      cmd: refused('cmd'),
      dotenv: refused('dotenv'),
      github: refused('github'),
      json: 'carried',
      process: 'carried',
    });
    expect(() => renderers.github.appendTo!.render(NUL_IN_TOKEN)).toThrow(refused('github'));
  });
});

describe('the formats the refusal hint recommends', () => {
  const error = catchError(() => renderers.cmd.render([['AWS_ACCESS_KEY_ID', '"']]));
  const recommended = /\(([a-z, ]+) carry any value without a NUL byte; only json carries one\)/.exec((error as AwsenvError).hint ?? '')?.[1].split(/, | or /) ?? [];

  test('are named in the hint', () => {
    expect(recommended).toEqual(['sh', 'fish', 'powershell', 'json']);
  });

  test.each(recommended)('%s renders every hostile value', (format) => {
    for (const [, value] of HOSTILE_VALUES) expect(() => rendererFor(format).render(everyValue(value))).not.toThrow();
  });
});

describe(rendererFor.name, () => {
  test.each(Object.keys(renderers))('finds %s by its own name', (format) => {
    expect(rendererFor(format)).toBe(renderers[format as FormatName]);
  });

  test.each(['bash', 'zsh'])('takes %s as sh', (alias) => {
    expect(rendererFor(alias)).toBe(renderers.sh);
  });

  test('offers every format and alias as a choice', () => {
    expect([...formatChoices].sort()).toEqual([...Object.keys(renderers), 'bash', 'zsh'].sort());
  });

  // Names an object has by inheritance must not pass for formats.
  test.each(['nope', 'SH', 'powershell ', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'refuses %j with a usage error listing the formats',
    (name) => {
      const error = catchError(() => rendererFor(name));
      expect(error).toBeInstanceOf(AwsenvError);
      expect(error).toMatchObject({ kind: 'usage', message: `unknown format "${name}"` });
      for (const format of Object.keys(renderers)) expect((error as AwsenvError).hint).toContain(format);
    },
  );
});

// The shells users evaluate the output in. sh output must mean the same in each; /bin/sh is dash on Debian.
const ROUND_TRIPS: ReadonlyArray<readonly [FormatName, Shell]> = [
  ['sh', BASH],
  ['sh', ZSH],
  ['sh', ZSH_RC_QUOTES],
  ['sh', POSIX_SH],
  ['fish', FISH],
];

describe.each(ROUND_TRIPS.map(([format, shell]) => [format, shell.name, shell] as [FormatName, string, Shell]))('%s output evaluated by %s', (format, _name, shell) => {
  const render = (plan: Plan) => renderers[format].render(plan);

  // A value between a variable to unset and one after it: a quote left open would swallow or break the next lines.
  test.each(HOSTILE_VALUES)('%s: set byte for byte, nothing run, nothing printed', async (_label, value) => {
    const plan: Plan = [
      ['AWSENV_TEST_GONE', null],
      ['AWSENV_TEST_VALUE', value],
      ['AWSENV_TEST_NEXT', 'next'],
    ];
    const { result, created } = await evaluateIn(shell, render(plan), planNames(plan));
    expect(effectIn(result, planNames(plan))).toEqual({ AWSENV_TEST_GONE: null, AWSENV_TEST_VALUE: value, AWSENV_TEST_NEXT: 'next' });
    expect({ created, printed: result.bodyOutput, stderr: result.stderr, status: result.status }).toEqual({ created: [], printed: '', stderr: '', status: 0 });
  });

  test.each(['C.UTF-8', 'C'])('every hostile value at once, in the %s locale', async (locale) => {
    const plan: Plan = HOSTILE_VALUES.map(([, value], i) => [`AWSENV_TEST_${i}`, value] as const);
    const { result, created } = await evaluateIn(shell, render(plan), planNames(plan), { locale });
    expect(effectIn(result, planNames(plan))).toEqual(Object.fromEntries(plan));
    expect({ created, printed: result.bodyOutput, status: result.status }).toEqual({ created: [], printed: '', status: 0 });
  });

  test('an export plan replaces every stale variable and unsets the profile ones', async () => {
    const plan = exportPlan({ accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 't', expiration: EXPIRATION }, 'dev', 'eu-west-1');
    const names = [...EXPORTED_NAMES, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE'];
    const { result } = await evaluateIn(shell, render(plan), names);
    expect(effectIn(result, names)).toEqual({
      AWS_ACCESS_KEY_ID: 'AKIA1',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_SESSION_TOKEN: 't',
      AWS_SECURITY_TOKEN: null,
      AWS_CREDENTIAL_EXPIRATION: '2030-01-02T03:04:05Z',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWSENV_PROFILE: 'dev',
      AWS_PROFILE: null,
      AWS_DEFAULT_PROFILE: null,
    });
  });

  // Regression: fish's `set -e` of a variable that is not set returns 4, and the status of the last line is the
  // status of `awsenv … | source` and of awsuse, so `awsuse dev; and terraform plan` stopped in a fresh shell.
  test.each([
    ['an export plan', exportPlan({ accessKeyId: 'AKIA1', secretAccessKey: 's' }, 'dev', undefined)],
    ['the unset plan', unsetPlan()],
  ])('%s, evaluated where none of its variables is set, succeeds', async (_label, plan) => {
    const { result } = await evaluateIn(shell, render(plan), planNames(plan), { preset: false });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('the unset plan clears every name an export sets, and only those', async () => {
    const names = [...EXPORTED_NAMES, 'AWS_PROFILE'];
    const { result } = await evaluateIn(shell, render(unsetPlan()), names);
    expect(effectIn(result, names)).toEqual({ ...Object.fromEntries(EXPORTED_NAMES.map((name) => [name, null])), AWS_PROFILE: STALE });
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}
