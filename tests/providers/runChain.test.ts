import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheKey } from '../../src/cache/cacheKey';
import { ssoOrigin } from '../../src/cache/ssoCacheFiles';
import type { AssumeRoleStep, MetadataStep, ProcessStep, SessionTokenStep, SsoStep, StaticStep, Step, WebIdentityStep } from '../../src/chain/types';
import { EXPORT_MARGIN_SECONDS, SOURCE_MARGIN_SECONDS, runChain, type CacheUse } from '../../src/providers/runChain';
import { fakeCache, fakeProviderDeps, inSeconds, SSO_STEP, type Call } from '../support/fakeProviderDeps';
import { ALICE } from '../support/world';

const STS = { region: 'eu-west-1' };
const keys: StaticStep = { kind: 'static', profile: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey };
const session: SessionTokenStep = { kind: 'sessionToken', profile: 'alice', mfaSerial: ALICE.mfaSerial, durationSeconds: 43200, sts: STS };
const role = (profile: string): AssumeRoleStep => ({ kind: 'assumeRole', profile, roleArn: `arn:aws:iam::222222222222:role/${profile}`, sts: STS });
const sso: SsoStep = SSO_STEP;
const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-runchain-'));
fs.writeFileSync(path.join(tokenDir, 'token'), 'eyJ.web.token');
const web: WebIdentityStep = { kind: 'webIdentity', profile: 'ci', roleArn: 'arn:aws:iam::444444444444:role/ci', token: { source: 'file', path: path.join(tokenDir, 'token') }, sts: STS };
const instance: MetadataStep = { kind: 'instanceMetadata', profile: 'ec2' };
const container: MetadataStep = { kind: 'container', profile: 'ecs' };
// A credential_process without Expiration: the one real source of session keys that never expire.
const noExpiry: ProcessStep = { kind: 'process', profile: 'tool', command: `printf '{"Version":1,"AccessKeyId":"AKIAPROC","SecretAccessKey":"s"}'` };

const mfaAdmin = [keys, session, role('admin')];
const mfaDeep = [keys, session, role('admin'), role('deep')];
afterAll(() => fs.rmSync(tokenDir, { recursive: true, force: true }));

// Each call in a line that names who signed what: "sts <profile> ← <access key> (<profile of the source>)".
function said(call: Call): string {
  switch (call.to) {
    case 'sts':
      return `sts ${call.profile} ← ${call.signedWith ?? 'unsigned'} (${call.signedBy})`;
    case 'mfaCode':
    case 'ssoPortal':
    case 'GetSessionToken':
    case 'AssumeRole':
    case 'AssumeRoleWithWebIdentity':
    case 'GetFederationToken':
      return `${call.to} ${call.profile}`;
    case 'ssoToken':
      return `ssoToken ${call.session}`;
    case 'GetRoleCredentials':
      return `GetRoleCredentials ${call.accountId}/${call.roleName} with ${call.accessToken}`;
    case 'metadataCredentials':
      return `metadata ${call.source} ${call.profile}`;
  }
}

interface Case {
  why: string;
  steps: Step[];
  /** Seconds left on the entries in the cache before the run, by step index; their keys are "cached:<index>". */
  cached?: Record<number, number>;
  use?: 'refresh' | 'no-cache';
  ran: string[];
  /** Step indices of the walk back, in order. */
  reads: number[];
  writes: number[];
  /**
   * The steps fetched under the cache's lock (each re-read under it first, unless --refresh): the steps written,
   * unless given.
   */
  locked?: number[];
  /** What every written entry names as its origin. */
  origin?: string;
  exported: string;
}

const FULL_MFA_ADMIN = ['mfaCode alice', `sts alice ← ${ALICE.accessKeyId} (alice)`, 'GetSessionToken alice', 'sts admin ← GetSessionToken:alice (alice)', 'AssumeRole admin'];
const ROLE_ON_CACHED_SESSION = ['sts admin ← cached:1 (alice)', 'AssumeRole admin'];
const SSO_CALLS = ['ssoPortal dev', 'ssoToken corp', 'GetRoleCredentials 333333333333/Developer with token-1'];

describe(runChain.name, () => {
  it.each<Case>([
    // The walk back from the exported credentials.
    { why: 'nothing cached: every step runs, and all but the keys are written', steps: mfaAdmin, ran: FULL_MFA_ADMIN, reads: [2, 1], writes: [1, 2], exported: 'AssumeRole:admin' },
    { why: 'a hit on the last step runs nothing', steps: mfaAdmin, cached: { 2: 3600, 1: 3600 }, ran: [], reads: [2], writes: [], exported: 'cached:2' },
    { why: 'a hit on a middle step runs only the step after it, signed by the cached credentials', steps: mfaAdmin, cached: { 1: 3600 }, ran: ROLE_ON_CACHED_SESSION, reads: [2, 1], writes: [2], exported: 'AssumeRole:admin' },
    {
      why: 'a hit on the MFA session of a role chain runs both roles, each signed by the one before',
      steps: mfaDeep,
      cached: { 1: 3600 },
      ran: [...ROLE_ON_CACHED_SESSION, 'sts deep ← AssumeRole:admin (admin)', 'AssumeRole deep'],
      reads: [3, 2, 1],
      writes: [2, 3],
      exported: 'AssumeRole:deep',
    },
    { why: 'the latest hit wins over an earlier one', steps: mfaDeep, cached: { 2: 3600, 1: 3600 }, ran: ['sts deep ← cached:2 (admin)', 'AssumeRole deep'], reads: [3, 2], writes: [3], exported: 'AssumeRole:deep' },

    // The margins: the exported credentials must outlive a command, a source only the next call.
    { why: 'the last step just above the export margin is used', steps: mfaAdmin, cached: { 2: EXPORT_MARGIN_SECONDS + 1 }, ran: [], reads: [2], writes: [], exported: 'cached:2' },
    { why: 'the last step just below the export margin is not', steps: mfaAdmin, cached: { 2: EXPORT_MARGIN_SECONDS - 1, 1: 3600 }, ran: ROLE_ON_CACHED_SESSION, reads: [2, 1], writes: [2], exported: 'AssumeRole:admin' },
    { why: 'a source below the export margin still serves', steps: mfaAdmin, cached: { 1: EXPORT_MARGIN_SECONDS - 1 }, ran: ROLE_ON_CACHED_SESSION, reads: [2, 1], writes: [2], exported: 'AssumeRole:admin' },
    { why: 'a source just above the source margin is used', steps: mfaAdmin, cached: { 1: SOURCE_MARGIN_SECONDS + 1 }, ran: ROLE_ON_CACHED_SESSION, reads: [2, 1], writes: [2], exported: 'AssumeRole:admin' },
    { why: 'a source just below the source margin is not', steps: mfaAdmin, cached: { 1: SOURCE_MARGIN_SECONDS - 1 }, ran: FULL_MFA_ADMIN, reads: [2, 1], writes: [1, 2], exported: 'AssumeRole:admin' },

    // What is worth a cache entry.
    { why: 'static keys are never read, even with an entry under their key', steps: [keys], cached: { 0: 3600 }, ran: [], reads: [], writes: [], exported: ALICE.accessKeyId },
    { why: 'static keys stop the walk back', steps: [keys, role('partner')], ran: [`sts partner ← ${ALICE.accessKeyId} (alice)`, 'AssumeRole partner'], reads: [1], writes: [1], exported: 'AssumeRole:partner' },
    { why: 'credentials without expiration are not written', steps: [noExpiry, role('admin')], ran: ['sts admin ← AKIAPROC (tool)', 'AssumeRole admin'], reads: [1, 0], writes: [1], locked: [0, 1], exported: 'AssumeRole:admin' },

    // The flags.
    { why: '--refresh reads nothing but writes every step', steps: mfaAdmin, cached: { 2: 3600, 1: 3600 }, use: 'refresh', ran: FULL_MFA_ADMIN, reads: [], writes: [1, 2], exported: 'AssumeRole:admin' },
    { why: '--no-cache neither reads nor writes', steps: mfaAdmin, cached: { 2: 3600, 1: 3600 }, use: 'no-cache', ran: FULL_MFA_ADMIN, reads: [], writes: [], exported: 'AssumeRole:admin' },

    // A CI identity is proved anew by every job.
    ...[
      { root: web, ran: ['sts ci ← unsigned (ci)', 'AssumeRoleWithWebIdentity ci', 'sts deploy ← AssumeRoleWithWebIdentity:ci (ci)'] },
      { root: instance, ran: ['metadata instanceMetadata ec2', 'sts deploy ← instanceMetadata:ec2 (ec2)'] },
      { root: container, ran: ['metadata container ecs', 'sts deploy ← container:ecs (ecs)'] },
    ].map(({ root, ran }): Case => ({
      why: `a chain from ${root.kind} neither reads nor writes, though the cache holds its steps`,
      steps: [root, role('deploy')],
      cached: { 0: 3600, 1: 3600 },
      ran: [...ran, 'AssumeRole deploy'],
      reads: [],
      writes: [],
      exported: 'AssumeRole:deploy',
    })),

    // Signing out of an SSO session takes the credentials made from it along: every entry names it.
    { why: 'an sso chain writes its origin with every entry', steps: [sso, role('dev-admin')], ran: [...SSO_CALLS, 'sts dev-admin ← GetRoleCredentials:dev (dev)', 'AssumeRole dev-admin'], reads: [1, 0], writes: [0, 1], origin: ssoOrigin(sso.session), exported: 'AssumeRole:dev-admin' },
    { why: 'the origin is written even when the sso step itself came from the cache', steps: [sso, role('dev-admin')], cached: { 0: 3600 }, ran: ['sts dev-admin ← cached:0 (dev)', 'AssumeRole dev-admin'], reads: [1, 0], writes: [1], origin: ssoOrigin(sso.session), exported: 'AssumeRole:dev-admin' },
    { why: 'an sso step alone is written with its origin', steps: [sso], ran: SSO_CALLS, reads: [0], writes: [0], origin: ssoOrigin(sso.session), exported: 'GetRoleCredentials:dev' },
  ])('$why', async ({ steps, cached = {}, use, ran, reads, writes, locked = writes, origin, exported }) => {
    const keyOf = steps.map((_, i) => cacheKey(steps, i));
    const cache = fakeCache();
    for (const [i, left] of Object.entries(cached)) {
      const step = steps[Number(i)];
      cache.entries.set(keyOf[Number(i)], { profile: step.profile, kind: step.kind, credentials: { accessKeyId: `cached:${i}`, secretAccessKey: 's', sessionToken: 't', expiration: inSeconds(left) } });
    }
    const given: CacheUse = use === 'no-cache' ? { read: true } : { cache, read: use !== 'refresh' };
    const deps = fakeProviderDeps();

    const credentials = await runChain({ profile: steps[steps.length - 1].profile, steps }, deps, given);

    expect({
      ran: deps.calls.map(said),
      reads: cache.reads.map((key) => keyOf.indexOf(key)),
      writes: cache.writes.map(({ key, entry }) => [keyOf.indexOf(key), entry.profile, entry.kind, entry.origin]),
      locks: cache.locks.map(({ key }) => keyOf.indexOf(key)),
      released: cache.released(),
      exported: credentials.accessKeyId,
    }).toEqual({
      ran,
      reads: use === 'refresh' ? reads : [...reads, ...locked],
      writes: writes.map((i) => [i, steps[i].profile, steps[i].kind, origin]),
      locks: use === 'no-cache' ? [] : locked,
      released: use === 'no-cache' ? 0 : locked.length,
      exported,
    });
  });

  test('a second run is served by what the first wrote', async () => {
    const cache = fakeCache();
    const first = await runChain({ profile: 'deep', steps: mfaDeep }, fakeProviderDeps(), { cache, read: true });
    const deps = fakeProviderDeps();

    const second = await runChain({ profile: 'deep', steps: mfaDeep }, deps, { cache, read: true });

    expect({ calls: deps.calls, second }).toEqual({ calls: [], second: first });
  });

  test('each step is fetched under a lock that says what it is for', async () => {
    const cache = fakeCache();
    await runChain({ profile: 'admin', steps: mfaAdmin }, fakeProviderDeps(), { cache, read: true });
    expect(cache.locks.map(({ what }) => what)).toEqual(['the MFA session of alice', 'assuming the role of admin']);
  });

  test('a step another awsenv did while this one waited for its lock is taken from the cache, not done again', async () => {
    const cache = fakeCache();
    const theirs = { accessKeyId: 'theirs', secretAccessKey: 's', sessionToken: 't', expiration: inSeconds(3600) };
    // The other process holds the MFA session's lock, and has written its session by the time it lets go.
    const waitForOther: typeof cache.lock = async (key, what) => {
      if (key === cacheKey(mfaAdmin, 1)) cache.entries.set(key, { profile: 'alice', kind: 'sessionToken', credentials: theirs });
      return fakeCache().lock(key, what);
    };
    const deps = fakeProviderDeps();

    await runChain({ profile: 'admin', steps: mfaAdmin }, deps, { cache: { ...cache, lock: waitForOther }, read: true });

    expect(deps.calls.map(said)).toEqual(['sts admin ← theirs (alice)', 'AssumeRole admin']);
  });
});
