import { resolve } from '../../src/chain/resolve';
import { sessionTagsOf } from '../../src/chain/sessionTags';
import type { AssumeRoleStep } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const ADMIN = 'arn:aws:iam::222222222222:role/admin';
const DEEP = 'arn:aws:iam::444444444444:role/deep';
const MFA = 'arn:aws:iam::111111111111:mfa/alice';
const files = (tagLines: string) => ({
  credentials: '[alice]\naws_access_key_id = AKIAALICE\naws_secret_access_key = secret\n',
  config: `[profile admin]\nrole_arn = ${ADMIN}\nsource_profile = alice\nmfa_serial = ${MFA}\n${tagLines}\n[profile deep]\nrole_arn = ${DEEP}\nsource_profile = admin\n`,
});

async function roleOf(tagLines: string, profile = 'admin'): Promise<AssumeRoleStep> {
  const chain = resolve(profile, await loadIni(files(tagLines)), { env: {} });
  return chain.steps.find((step): step is AssumeRoleStep => step.kind === 'assumeRole' && step.profile === 'admin')!;
}

describe(sessionTagsOf.name, () => {
  it.each<{ why: string; lines: string; tags?: object[]; transitive?: string[] }>([
    { why: 'no tags: the step has neither field, so its cache key is the one it always had', lines: '' },
    { why: 'pairs, trimmed', lines: 'session_tags = team=web , env = prod', tags: [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }] },
    { why: 'an empty value, which AWS allows', lines: 'session_tags = cost-centre=', tags: [{ key: 'cost-centre', value: '' }] },
    { why: 'a value holding "=" (split at the first)', lines: 'session_tags = expr=a=b', tags: [{ key: 'expr', value: 'a=b' }] },
    { why: 'transitive keys among the tags', lines: 'session_tags = team=web,env=prod\ntransitive_session_tags = env, team', tags: [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }], transitive: ['env', 'team'] },
  ])('$why', async ({ lines, tags, transitive }) => {
    const step = await roleOf(lines);
    expect(step.tags).toEqual(tags);
    expect(step.transitiveTagKeys).toEqual(transitive);
    expect(Object.hasOwn(step, 'tags')).toBe(tags !== undefined);
    expect(Object.hasOwn(step, 'transitiveTagKeys')).toBe(transitive !== undefined);
  });

  it('are the role\'s own: a role chained from a tagged role carries none itself', async () => {
    const chain = resolve('deep', await loadIni(files('session_tags = team=web')), { env: {} });
    expect(chain.steps.map((step) => (step.kind === 'assumeRole' ? step.tags : undefined))).toEqual([undefined, undefined, [{ key: 'team', value: 'web' }], undefined]);
  });

  it.each<{ why: string; lines: string; says: string }>([
    { why: 'a pair without "="', lines: 'session_tags = team', says: 'has session_tags with "team", which is not key=value' },
    { why: 'an empty key', lines: 'session_tags = =web', says: 'has session_tags with "=web"' },
    { why: 'an empty entry', lines: 'session_tags = team=web,', says: 'has session_tags with ""' },
    { why: 'a character IAM refuses', lines: 'session_tags = team=web;prod', says: 'has session_tags with "team=web;prod"' },
    { why: 'a key given twice, in any case', lines: 'session_tags = team=a,Team=b', says: 'has the session tag "Team" twice' },
    { why: 'a transitive key that is not a tag', lines: 'session_tags = team=web\ntransitive_session_tags = env', says: 'has "env" in transitive_session_tags, which session_tags does not set' },
    { why: 'transitive keys without tags', lines: 'transitive_session_tags = team', says: 'has "team" in transitive_session_tags' },
    { why: 'more than 50 tags', lines: `session_tags = ${Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(',')}`, says: 'has 51 session_tags; AWS takes at most 50' },
  ])('refuses $why in resolve, as a configuration error of the role, before any prompt', async ({ lines, says }) => {
    const config = await loadIni(files(lines));
    let error: unknown;
    try {
      resolve('deep', config, { env: {} });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'config', profile: 'admin' });
    expect((error as AwsenvError).message).toContain(`profile "admin" (on the way to "deep"): ${says}`);
    expect((error as AwsenvError).hint).toBeTruthy();
  });
});
