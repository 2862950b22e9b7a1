import type { Chain, Step } from '../chain/types';
import { cacheKey } from '../cache/cacheKey';
import type { CredentialCache } from '../cache/credentialCache';
import { ssoOrigin } from '../cache/ssoTokenCache';
import { secondsLeft, type Credentials } from '../core/credentials';
import { formatSeconds } from '../core/time';
import type { ProviderDeps, Source } from './providerDeps';
import { runStep } from './providerRegistry';

/**
 * Cached credentials are exported only while they have more than this long to live, so a command started right
 * after `awsuse` does not fail halfway. Credentials that only sign the next step's call need just a minute.
 */
export const EXPORT_MARGIN_SECONDS = 10 * 60;
export const SOURCE_MARGIN_SECONDS = 60;

const UNCACHED_ROOTS = new Set(['webIdentity', 'instanceMetadata', 'container']);

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
  let source: Source | undefined;
  let start = 0;
  // Walk back from the exported credentials: a hit on a later step saves every call (and prompt) before it.
  for (let i = steps.length - 1; i >= 0 && cacheUse.read && cacheUse.cache; i--) {
    if (steps[i].kind === 'static') break;
    const cached = cacheUse.cache.read(cacheKey(steps, i));
    if (!cached) continue;
    const margin = i === steps.length - 1 ? EXPORT_MARGIN_SECONDS : SOURCE_MARGIN_SECONDS;
    const left = secondsLeft(cached, deps.now());
    if (left > margin) {
      deps.log.debug(`using cached credentials of ${describe(steps[i])} (valid for ${formatSeconds(left)} more)`);
      source = { credentials: cached, profile: steps[i].profile };
      start = i + 1;
      break;
    }
    deps.log.debug(`cached credentials of ${describe(steps[i])} expire too soon (in ${formatSeconds(left)}); not using them`);
  }
  const root = steps[0];
  const origin = root.kind === 'sso' ? ssoOrigin(root.session) : undefined;
  for (let i = start; i < steps.length; i++) {
    const step = steps[i];
    const credentials = await runStep(step, source, deps);
    // Keys that never expire (static, or a credential_process that gives no Expiration) are not worth a file.
    if (step.kind !== 'static' && credentials.expiration) cacheUse.cache?.write(cacheKey(steps, i), { profile: step.profile, kind: step.kind, origin, credentials });
    source = { credentials, profile: step.profile };
  }
  return source!.credentials;
}

const describe = (step: Step) => `step ${step.kind} of profile "${step.profile}"`;
