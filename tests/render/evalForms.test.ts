import { renderers } from '../../src/render/formats';
import { exportPlan, unsetPlan, EXPORTED_NAMES, type Plan } from '../../src/render/plan';
import { BASH, FISH, POSIX_SH, ZSH, ZSH_RC_QUOTES, removeShellTempDirs, type Shell } from '../support/shellRun';
import { HOSTILE_VALUES, PWNED } from './hostileValues';
import { EVAL_FORMS, STALE, effectIn, evaluateIn, planNames, type Effect, type EvalForm, type Evaluation } from './formatReaders';

/**
 * `eval "$(awsenv p)"` and `eval $(awsenv p)` must leave a shell the same, and so must `awsenv p -f fish | source`
 * and `eval (awsenv p -f fish)`. Unquoted, sh shells split the output into words at spaces, tabs and line breaks,
 * fish at line breaks, and eval joins the words with spaces: the output is one line by then, so every statement
 * has to end in its own `;`.
 *
 * Regression: the statements used to end at line breaks, so unquoted, `unset AWS_SESSION_TOKEN` became two more
 * arguments of the `export` before it. A switch from a role to long-term keys kept the role's token beside the new
 * keys (every AWS call then fails), and zsh exported a variable named `unset`.
 */

afterAll(removeShellTempDirs);

const SHELLS: readonly Shell[] = [BASH, ZSH, ZSH_RC_QUOTES, POSIX_SH, FISH];
const NAMES = [...EXPORTED_NAMES, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE'];

// What AWS issues (base64 with + / =, ISO dates, regions) and profile names without whitespace or glob characters,
// however odd otherwise: the unquoted form carries those exactly.
const ROLE = exportPlan(
  {
    accessKeyId: 'ASIAROLEEXAMPLE00001',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: 'FwoGZXIvYXdzEBYaDHRvbGUrL3Rva2Vu+/roleSessionToken//+AQ==',
    expiration: new Date('2030-01-02T03:04:05.678Z'),
  },
  'prod-admin',
  'eu-west-1',
);
const MFA_SESSION = exportPlan(
  { accessKeyId: 'ASIAMFAEXAMPLE000002', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLE+MF', sessionToken: 'IQoJb3JpZ2luX2VjEMFA+session/token=', expiration: new Date('2030-01-01T12:00:00Z') },
  `alice'$(touch ${PWNED})"\`touch ${PWNED}\`"@mfa`,
  undefined,
);
// No session token and no expiration: both must end up unset, whatever the profile before left. No region either, so
// the region before stays.
const LONG_TERM = exportPlan({ accessKeyId: 'AKIALONGTERMEXAMPLE3', secretAccessKey: 'k8Gh/Jr+LongTermSecret/EXAMPLEKEY+abcdef' }, 'default', undefined);

const PLANS: Readonly<Record<string, Plan>> = { role: ROLE, 'MFA session': MFA_SESSION, 'long-term keys': LONG_TERM };

const orders = <T,>(items: readonly T[]): T[][] => (items.length <= 1 ? [[...items]] : items.flatMap((item, i) => orders(items.filter((_x, j) => j !== i)).map((rest) => [item, ...rest])));
const SESSIONS = [
  ...orders(Object.keys(PLANS)).map((order) => [`switching ${order.join(' → ')}`, order.map((label) => PLANS[label])] as const),
  ['`awsenv unset` after a role clears everything the role set', [ROLE, unsetPlan()]] as const,
];

/** What the plans leave, one after another, in a shell where every name was STALE. */
const applied = (plans: readonly Plan[]): Effect => plans.reduce<Effect>((env, plan) => ({ ...env, ...Object.fromEntries(plan) }), Object.fromEntries(NAMES.map((name) => [name, STALE])));

// Each evaluation has its own home and working directory; every other exported variable must be the same.
const DIRECTORIES = ['HOME', 'PWD', 'OLDPWD'];
const environment = ({ result }: Evaluation) => Object.fromEntries([...result.exported].filter(([name]) => !DIRECTORIES.includes(name)));
const clean = { created: [], printed: '', stderr: '', status: 0 };
const sideEffects = ({ result, created }: Evaluation) => ({ created, printed: result.bodyOutput, stderr: result.stderr, status: result.status });

/** Evaluates the outputs one after another in one session of the shell, once in each form. */
async function bothForms(shell: Shell, outputs: readonly string[], names: readonly string[], preset = true): Promise<Record<EvalForm, Evaluation>> {
  const [quoted, unquoted] = await Promise.all(EVAL_FORMS.map((form) => evaluateIn(shell, outputs, names, { form, preset })));
  return { quoted, unquoted };
}

const eachForm = <T,>(evaluations: Record<EvalForm, Evaluation>, f: (evaluation: Evaluation) => T) => ({ quoted: f(evaluations.quoted), unquoted: f(evaluations.unquoted) });
const inBoth = <T,>(value: T) => ({ quoted: value, unquoted: value });

describe.each(SHELLS.map((shell) => [shell.name, shell] as const))('both forms in %s', (_name, shell) => {
  const render = (plan: Plan) => renderers[shell.dialect].render(plan);

  test.each(SESSIONS)('%s: every variable exact, no stale token, the same environment either way', async (_session, plans) => {
    const evaluations = await bothForms(shell, plans.map(render), NAMES);
    expect(eachForm(evaluations, ({ result }) => effectIn(result, NAMES))).toEqual(inBoth(applied(plans)));
    expect(eachForm(evaluations, sideEffects)).toEqual(inBoth(clean));
    expect(environment(evaluations.unquoted)).toEqual(environment(evaluations.quoted));
  });

  // fish's `set -e` fails for a name that is not set; the status of the last statement is the status of the eval.
  test.each([
    ['the unset plan', unsetPlan()],
    ['long-term keys', LONG_TERM],
  ])('%s, where none of its variables is set, ends with status 0 either way', async (_label, plan) => {
    const evaluations = await bothForms(shell, [render(plan)], planNames(plan), false);
    expect(eachForm(evaluations, sideEffects)).toEqual(inBoth(clean));
  });

  // Unquoted is not exact for every string, but it never runs what a value hides: the quotes stay where they were, and
  // word splitting only turns whitespace inside a value into spaces (in sh a run of spaces, tabs and line breaks
  // becomes one space; in fish each line break becomes one).
  test('unquoted, every hostile value at once: nothing run, nothing printed, only whitespace changed', async () => {
    const plan: Plan = HOSTILE_VALUES.map(([, value], i) => [`AWSENV_TEST_${i}`, value] as const);
    const split = shell.dialect === 'fish' ? /\n/g : /[ \t\n]+/g;
    const evaluation = await evaluateIn(shell, render(plan), planNames(plan), { form: 'unquoted' });
    expect(effectIn(evaluation.result, planNames(plan))).toEqual(Object.fromEntries(plan.map(([name, value]) => [name, value!.replace(split, ' ')])));
    expect(sideEffects(evaluation)).toEqual(clean);
  });
});
