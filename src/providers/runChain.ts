import type { Chain, Step } from '../chain/types';
import { cacheKey } from '../cache/cacheKey';
import type { CredentialCache } from '../cache/credentialCache';
import { ssoOrigin } from '../cache/ssoCacheFiles';
import { loginOrigin } from '../cache/loginCacheFiles';
import { secondsLeft, type Credentials } from '../core/credentials';
import { formatSeconds } from '../core/time';
import type { ProviderDeps, Source } from './providerDeps';
import { checkIssued } from './checkIssued';
import { runStep } from './providerRegistry';

/**
 * Cached credentials are exported only while they have more than this long to live, so a command started right
 * after `awsuse` does not fail halfway. Credentials that only sign the next step's call need just a minute.
 */
export const EXPORT_MARGIN_SECONDS = 10 * 60;
export const SOURCE_MARGIN_SECONDS = 60;

const UNCACHED_ROOTS = new Set(['webIdentity', 'instanceMetadata', 'container']);

/**
 * Steps whose own credentials never go into awsenv's cache: keys are written down already, and a console sign-in's
 * credentials are in the AWS CLI's login cache file, which its provider reads and refreshes under its own lock. A
 * copy here would last the same 15 minutes and go stale whenever another tool refreshed the file, and logging out
 * with the AWS CLI would leave it behind. Roles assumed from either are cached as usual.
 */
const OWN_CACHE = new Set<Step['kind']>(['static', 'login']);

export interface CacheUse {
  /** undefined with --no-cache: neither read nor written. */
  readonly cache?: CredentialCache;
  /** false with --refresh: fetch every step anew, then write the cache. */
  readonly read: boolean;
}

/** Runs the chain's steps through their providers, starting after the latest step whose cached credentials still serve. */
export async function runChain(chain: Chain, deps: ProviderDeps, given: CacheUse): Promise<Credentials> {
  const { steps } = chain;
  // A CI identity (a job's token, an instance's or container's role) must be proved anew by every job: a cache
  // shared by jobs on one runner would hand one job's role to another without STS checking its token.
  const uncached = UNCACHED_ROOTS.has(steps[0].kind);
  if (uncached) deps.log.debug(`not caching: the chain starts from ${steps[0].kind}`);
  const cacheUse: CacheUse = uncached ? { read: false } : given;
  const root = steps[0];
  // Named only when an entry is written: naming it hashes, which a cached run need not pay for.
  const run: Run = { steps, deps, cacheUse, origin: () => originOf(root) };
  let { start, source } = cachedStart(run);
  for (let i = start; i < steps.length; i++) {
    source = { credentials: await fetchStep(run, i, source), profile: steps[i].profile, kind: steps[i].kind };
  }
  return source!.credentials;
}

interface Run {
  readonly steps: readonly Step[];
  readonly deps: ProviderDeps;
  readonly cacheUse: CacheUse;
  /** The sign-in the chain started from, written with each entry so that signing out takes them along. */
  readonly origin: () => string | undefined;
}

/** Walks back from the exported credentials: a hit on a later step saves every call (and prompt) before it. */
function cachedStart({ steps, deps, cacheUse }: Run): { start: number; source?: Source } {
  for (let i = steps.length - 1; i >= 0 && cacheUse.read && cacheUse.cache; i--) {
    if (OWN_CACHE.has(steps[i].kind)) break;
    const cached = serving(cacheUse.cache, steps, i, deps);
    if (cached) return { start: i + 1, source: { credentials: cached, profile: steps[i].profile, kind: steps[i].kind } };
  }
  return { start: 0 };
}

/** The cached credentials of step i if they have long enough to live for what they are used for. */
function serving(cache: CredentialCache, steps: readonly Step[], i: number, deps: ProviderDeps): Credentials | undefined {
  const cached = cache.read(cacheKey(steps, i));
  if (!cached) return undefined;
  const margin = i === steps.length - 1 ? EXPORT_MARGIN_SECONDS : SOURCE_MARGIN_SECONDS;
  const left = secondsLeft(cached, deps.now());
  if (left > margin) {
    deps.log.debug(`using cached credentials of ${describe(steps[i])} (valid for ${formatSeconds(left)} more)`);
    return cached;
  }
  deps.log.debug(`cached credentials of ${describe(steps[i])} expire too soon (in ${formatSeconds(left)}); not using them`);
  return undefined;
}

/**
 * Runs step i, under the cache's lock for it: of many awsenv processes wanting the same step at once, one prompts
 * and calls AWS, and the others find its result in the cache when the lock comes to them. Locks are held one at a
 * time, never across steps, so two chains sharing steps cannot deadlock.
 */
async function fetchStep(run: Run, i: number, source: Source | undefined): Promise<Credentials> {
  const { steps, deps, cacheUse, origin } = run;
  const step = steps[i];
  const cache = cacheUse.cache;
  if (!cache || OWN_CACHE.has(step.kind)) return issued(run, i, source);
  const key = cacheKey(steps, i);
  const release = await cache.lock(key, WORK[step.kind](step.profile));
  try {
    const done = cacheUse.read ? serving(cache, steps, i, deps) : undefined;
    if (done) return done;
    const credentials = await issued(run, i, source);
    // Credentials that never expire (a credential_process that gives no Expiration) are not worth a file.
    if (credentials.expiration) cache.write(key, { profile: step.profile, kind: step.kind, origin: origin(), credentials });
    return credentials;
  } finally {
    release();
  }
}

/** Runs step i's provider, and refuses what arrives already expired. */
async function issued({ steps, deps }: Run, i: number, source: Source | undefined): Promise<Credentials> {
  const margin = i === steps.length - 1 ? EXPORT_MARGIN_SECONDS : SOURCE_MARGIN_SECONDS;
  const credentials = await runStep(steps[i], source, deps, margin);
  checkIssued(steps[i], credentials, deps.now(), margin, deps.log);
  return credentials;
}

/** What a lock holder is doing, as a waiter names it. */
const WORK: Record<Step['kind'], (profile: string) => string> = {
  static: (p) => `reading the keys of ${p}`,
  sessionToken: (p) => `the MFA session of ${p}`,
  assumeRole: (p) => `assuming the role of ${p}`,
  sso: (p) => `getting the IAM Identity Center role of ${p}`,
  webIdentity: (p) => `the web identity of ${p}`,
  process: (p) => `the credential_process of ${p}`,
  instanceMetadata: (p) => `the instance role of ${p}`,
  container: (p) => `the container role of ${p}`,
  login: (p) => `the console sign-in of ${p}`,
};

const originOf = (root: Step) => (root.kind === 'sso' ? ssoOrigin(root.session) : root.kind === 'login' ? loginOrigin(root.loginSession) : undefined);

const describe = (step: Step) => `step ${step.kind} of profile "${step.profile}"`;
