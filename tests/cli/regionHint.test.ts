import type { Chain } from '../../src/chain/types';
import type { Env } from '../../src/core/env';
import type { Plan } from '../../src/render/plan';
import { shellExportPlan } from '../../src/render/shellPlans';
import { regionAfter, regionHint, regionHintOf, type RegionSources } from '../../src/cli/regionHint';
import { botocorePeer, botocoreRegions } from '../support/botocore';
import { loadIni, removeIniFiles } from '../support/iniFiles';
import { testWith } from '../support/peers';
import { recordingLogger } from '../support/recordingLogger';

afterAll(removeIniFiles);

const PROFILE_HINT = 'awsenv: hint: profile "prod-admin" has no region, and neither AWS_REGION nor [default] gives one: add region = REGION to it, or pass --region REGION';
const AD_HOC_HINT = 'awsenv: hint: no region: neither --region, AWS_REGION nor [default] gives one: pass --region REGION';

describe(regionHint.name, () => {
  // [default]'s region is asked for last: reading it costs a section of the config file, and may warn.
  it.each<[string, Omit<RegionSources, 'defaultProfile'>, string | undefined, string | undefined, boolean]>([
    ['the export sets one', { profile: 'prod-admin', exported: 'eu-west-1' }, undefined, undefined, false],
    ['the export sets one, over the environment', { profile: 'prod-admin', exported: 'eu-west-1', environment: 'us-east-2' }, undefined, undefined, false],
    ['the environment keeps one', { profile: 'prod-admin', environment: 'us-east-2' }, 'ap-south-1', undefined, false],
    ['[default] has one', { profile: 'prod-admin' }, 'ap-south-1', undefined, true],
    ['none anywhere', { profile: 'prod-admin' }, undefined, PROFILE_HINT, true],
    ['none anywhere, for a chain without a profile to edit', {}, undefined, AD_HOC_HINT, true],
    ['none anywhere, a profile name with an escape sequence', { profile: 'evil\u001b]0;x\u0007' }, undefined, PROFILE_HINT.replace('prod-admin', 'evil?]0;x?'), true],
  ])('%s', (_why, sources, defaultRegion, hint, asksDefault) => {
    let asked = false;
    const decision = regionHint({ ...sources, defaultProfile: () => ((asked = true), defaultRegion) });
    expect({ hint: decision.hint, asked }).toEqual({ hint, asked: asksDefault });
    expect(decision.reason).not.toBe('');
  });
});

describe(regionAfter.name, () => {
  it.each<[string, Plan, Env, string | undefined]>([
    ['the plan sets it', [['AWS_REGION', 'eu-west-1'], ['AWS_DEFAULT_REGION', 'eu-west-1']], { AWS_REGION: 'us-east-2' }, 'eu-west-1'],
    ['the plan unsets it', [['AWS_REGION', null], ['AWS_DEFAULT_REGION', null]], { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }, undefined],
    ['the plan gives one back', [['AWS_REGION', 'us-east-2']], { AWS_REGION: 'eu-west-1' }, 'us-east-2'],
    ['the plan leaves it', [['AWS_ACCESS_KEY_ID', 'ASIA']], { AWS_DEFAULT_REGION: 'us-east-2' }, 'us-east-2'],
    ['nothing anywhere', [], {}, undefined],
  ])('%s', (_why, plan, env, region) => {
    expect(regionAfter(plan, env)).toBe(region);
  });
});

interface FileCase {
  readonly files: { config?: string; credentials?: string };
  readonly chain: Chain;
  /** The environment awsenv runs in: the shell's, with what an earlier export left there. */
  readonly env?: Env;
  readonly hint?: string;
}

const chain = (profile: string, region?: string): Chain => ({ profile, steps: [], ...(region && { region }) });
/** What an earlier export of a profile with region eu-west-1 left in the shell's state. */
const EARLIER = { AWSENV_PROFILE: 'dev', AWSENV_STATE: 'region=eu-west-1' };
const CREDENTIALS = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's', sessionToken: 't' };
/** The plan an export of the case prints for a person's shell. */
const planOf = (c: FileCase) => shellExportPlan(CREDENTIALS, c.chain.profile, c.chain.region, c.env ?? {});
const ROLE = '[profile prod-admin]\nrole_arn = x\n';
const FILE_CASES: Record<string, FileCase> = {
  'a profile without a region, nothing else': { files: { config: ROLE }, chain: chain('prod-admin'), hint: PROFILE_HINT },
  'a profile that exports its region': { files: { config: '[profile prod-admin]\nregion = eu-west-1\n' }, chain: chain('prod-admin', 'eu-west-1') },
  "the user's own AWS_REGION": { files: { config: ROLE }, chain: chain('prod-admin'), env: { AWS_REGION: 'us-east-2' } },
  "the user's own AWS_DEFAULT_REGION": { files: { config: ROLE }, chain: chain('prod-admin'), env: { AWS_DEFAULT_REGION: 'us-east-2' } },
  // Switching from a profile that exported its region: the switch clears what awsenv set, so it counts for nothing.
  'a region an earlier export set': { files: { config: ROLE }, chain: chain('prod-admin'), env: { ...EARLIER, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }, hint: PROFILE_HINT },
  'a region an earlier export set, over the user\'s own, which comes back': { files: { config: ROLE }, chain: chain('prod-admin'), env: { ...EARLIER, AWSENV_STATE: `${EARLIER.AWSENV_STATE}&had.AWS_REGION=us-east-2`, AWS_REGION: 'eu-west-1' } },
  'a region the user set after an earlier export': { files: { config: ROLE }, chain: chain('prod-admin'), env: { ...EARLIER, AWS_REGION: 'us-east-2' } },
  '[default] in the config file': { files: { config: `[default]\nregion = us-west-2\n${ROLE}` }, chain: chain('prod-admin') },
  '[profile default] in the config file': { files: { config: `[profile default]\nregion = us-west-2\n${ROLE}` }, chain: chain('prod-admin') },
  // botocore merges the credentials file's sections into the profiles, region included.
  '[default] in the credentials file': { files: { config: ROLE, credentials: '[default]\nregion = us-west-2\n' }, chain: chain('prod-admin') },
  'a [default] without a region': { files: { config: `[default]\noutput = json\n${ROLE}` }, chain: chain('prod-admin'), hint: PROFILE_HINT },
  'an empty region in [default]': { files: { config: `[default]\nregion =\n${ROLE}` }, chain: chain('prod-admin'), hint: PROFILE_HINT },
  'a region in a source profile, which tools never read': { files: { config: `${ROLE}source_profile = dev\n[profile dev]\nregion = eu-west-1\n` }, chain: chain('prod-admin'), hint: PROFILE_HINT },
  'a --role-arn chain, named after its role': { files: { config: '' }, chain: chain('arn:aws:iam::222222222222:role/deploy'), hint: AD_HOC_HINT },
};

describe(regionHintOf.name, () => {
  test.each(Object.entries(FILE_CASES))('%s', (_why, c) => {
    const log = recordingLogger();
    expect(regionHintOf({ plan: planOf(c), chain: c.chain, config: loadIni(c.files, log) }, c.env ?? {}, log)).toBe(c.hint);
    expect(log.debugs.filter((line) => line.startsWith('region: '))).toHaveLength(1);
  });

  test('a [default] awsenv cannot read fails nothing: it gives no region, and --debug says why', () => {
    const log = recordingLogger();
    const config = loadIni({ config: '[default]\nthis is no property\n[profile prod-admin]\nrole_arn = x\n' }, log);
    expect(regionHintOf({ plan: [], chain: chain('prod-admin'), config }, {}, log)).toBe(PROFILE_HINT);
    expect(log.debugs.some((line) => line.startsWith('region: the [default] profile cannot be read'))).toBe(true);
  });
});

// The AWS CLI itself, with the environment an export leaves (its plan applied: keys, no AWS_PROFILE, the region
// variables as it left them): it finds no region exactly where the hint says so. The region goes in as
// AWS_DEFAULT_REGION, since botocore reads AWS_REGION only in the AWS CLI v2.
describe('botocore finds no region exactly where the hint is given', () => {
  const botocore = botocorePeer();
  const entries = Object.entries(FILE_CASES);
  let regions: (string | null)[] = [];
  beforeAll(() => {
    if (!botocore.path) return;
    regions = botocoreRegions(
      botocore.path,
      entries.map(([, c]) => ({
        ...c.files,
        env: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', ...regionVariableAfter(c) },
      })),
    );
  });
  const botocoreTest = testWith(botocore);
  entries.forEach(([why, c], i) => {
    botocoreTest(why, () => {
      // An empty value is no region to the AWS CLI either.
      expect(regions[i] || null).toEqual(c.hint ? null : expect.any(String));
    });
  });
});

/** The region variable the case's plan leaves in its environment, as AWS_DEFAULT_REGION. */
function regionVariableAfter(c: FileCase): Record<string, string> {
  const after: Record<string, string | null | undefined> = { ...c.env };
  for (const [name, value] of planOf(c)) after[name] = value;
  const region = after.AWS_REGION || after.AWS_DEFAULT_REGION;
  return region ? { AWS_DEFAULT_REGION: region } : {};
}
