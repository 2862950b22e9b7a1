import type { Env } from '../../src/core/env';
import { encodeState, readState, STATE_VARIABLE, type AwsenvState } from '../../src/render/awsenvState';
import { EXPORTED_NAMES, exportPlan, unsetPlan, type Plan } from '../../src/render/plan';
import { shellClearPlan, shellExportPlan } from '../../src/render/shellPlans';

const KEYS = { accessKeyId: 'AKIA1', secretAccessKey: 's' };
const SESSION = { accessKeyId: 'ASIA1', secretAccessKey: 's', sessionToken: 't', expiration: new Date('2030-01-02T03:04:05.678Z') };
const state = (value: AwsenvState): Env => ({ [STATE_VARIABLE]: encodeState(value) });

/** What a shell holds after evaluating the plan in `env`. */
function apply(env: Env, plan: Plan): Env {
  const result: Record<string, string | undefined> = { ...env };
  for (const [name, value] of plan) {
    if (value === null) delete result[name];
    else result[name] = value;
  }
  return result;
}
const kept = (env: Env) => ({ AWS_REGION: env.AWS_REGION, AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION, AWS_PROFILE: env.AWS_PROFILE, AWS_DEFAULT_PROFILE: env.AWS_DEFAULT_PROFILE });

describe(shellExportPlan.name, () => {
  test('is the export plan, then the state variable', () => {
    const plan = shellExportPlan(SESSION, 'dev', 'eu-west-1', { AWS_PROFILE: 'mine' });
    expect(plan.slice(0, -1)).toEqual(exportPlan(SESSION, 'dev', 'eu-west-1'));
    expect(plan.at(-1)![0]).toBe(STATE_VARIABLE);
    expect(readState(apply({}, plan))).toEqual({ had: { AWS_PROFILE: 'mine' }, region: 'eu-west-1', expires: 1893553445, autoRefresh: false });
  });

  test('--auto-refresh is recorded', () => {
    expect(readState(apply({}, shellExportPlan(SESSION, 'dev', undefined, {}, { autoRefresh: true })))?.autoRefresh).toBe(true);
  });

  // Each row: the shell before, the export's region, the region variables after.
  test.each<[string, Env, string | undefined, Env]>([
    ['a region is exported over anything', { AWS_REGION: 'user' }, 'eu-west-1', { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }],
    ['no region, first export: the user’s stays', { AWS_REGION: 'user' }, undefined, { AWS_REGION: 'user' }],
    ['no region, after awsenv exported one: it goes', { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', ...state({ had: {}, region: 'eu-west-1' }) }, undefined, {}],
    [
      'no region, after awsenv exported one over the user’s: the user’s comes back',
      { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', ...state({ had: { AWS_REGION: 'user' }, region: 'eu-west-1' }) },
      undefined,
      { AWS_REGION: 'user' },
    ],
    ['no region, the user changed it since awsenv’s export: it stays', { AWS_REGION: 'changed', AWS_DEFAULT_REGION: 'eu-west-1', ...state({ had: {}, region: 'eu-west-1' }) }, undefined, { AWS_REGION: 'changed' }],
    ['no region, awsenv exported none before: the user’s stays', { AWS_REGION: 'user', ...state({ had: { AWS_REGION: 'user' } }) }, undefined, { AWS_REGION: 'user' }],
  ])('%s', (_title, env, region, regions) => {
    const after = apply(env, shellExportPlan(KEYS, 'p', region, env));
    expect({ AWS_REGION: after.AWS_REGION, AWS_DEFAULT_REGION: after.AWS_DEFAULT_REGION }).toEqual({ AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, ...regions });
  });

  test('what the shell had is taken from the first export only, through any number of switches', () => {
    let shell: Env = { AWS_REGION: 'user', AWS_PROFILE: 'mine', AWS_DEFAULT_PROFILE: 'other' };
    for (const [profile, region] of [['a', 'eu-west-1'], ['b', undefined], ['c', 'us-east-2']] as const) shell = apply(shell, shellExportPlan(SESSION, profile, region, shell));
    expect(readState(shell)?.had).toEqual({ AWS_REGION: 'user', AWS_PROFILE: 'mine', AWS_DEFAULT_PROFILE: 'other' });
  });
});

describe(shellClearPlan.name, () => {
  const exported = (before: Env, region: string | undefined) => apply(before, shellExportPlan(SESSION, 'dev', region, before));

  test.each<[string, Env, string | undefined, (shell: Env) => Env, Env]>([
    ['gives back the region and profiles the user had', { AWS_REGION: 'user', AWS_PROFILE: 'mine', AWS_DEFAULT_PROFILE: 'other' }, 'eu-west-1', (s) => s, { AWS_REGION: 'user', AWS_PROFILE: 'mine', AWS_DEFAULT_PROFILE: 'other' }],
    ['clears a region only awsenv set', {}, 'eu-west-1', (s) => s, {}],
    ['keeps a region the user set after the export', {}, 'eu-west-1', (s) => ({ ...s, AWS_REGION: 'later' }), { AWS_REGION: 'later', AWS_DEFAULT_REGION: undefined }],
    ['keeps a profile the user set after the export', { AWS_PROFILE: 'mine' }, undefined, (s) => ({ ...s, AWS_PROFILE: 'later' }), { AWS_PROFILE: 'later' }],
    ['keeps the user’s region through an export without one', { AWS_REGION: 'user' }, undefined, (s) => s, { AWS_REGION: 'user' }],
  ])('%s', (_title, before, region, meanwhile, expected) => {
    const shell = meanwhile(exported(before, region));
    const after = apply(shell, shellClearPlan(shell));
    expect(kept(after)).toEqual({ ...kept({}), ...expected });
    for (const name of [...EXPORTED_NAMES.filter((n) => !n.includes('REGION')), STATE_VARIABLE]) expect(after[name]).toBeUndefined();
  });

  test('without a state variable, after an older awsenv’s export: everything an export sets is cleared', () => {
    expect(shellClearPlan({ AWSENV_PROFILE: 'dev', AWS_REGION: 'x' })).toEqual(unsetPlan());
  });

  test('without a state variable where awsenv never exported: only the credentials are cleared', () => {
    const after = apply({ AWS_REGION: 'user', AWS_DEFAULT_REGION: 'user2', AWS_ACCESS_KEY_ID: 'AKIA' }, shellClearPlan({ AWS_REGION: 'user' }));
    expect(after).toEqual({ AWS_REGION: 'user', AWS_DEFAULT_REGION: 'user2' });
  });
});
