import type { Step } from '../chain/types';
import type { Credentials } from '../core/credentials';
import type { ProviderDeps, Source } from './providerDeps';
import { staticKeys } from './staticKeys';

/** marginSeconds: how long the credentials must still live for their use (exported, or signing the next call). */
type Provider<S extends Step> = (step: S, source: Source | undefined, deps: ProviderDeps, marginSeconds: number) => Promise<Credentials>;

/**
 * One provider per step kind; the mapped type makes the compiler insist on a provider for every kind. Those that
 * call out are imported when a step needs them: a cached export runs none of them, and their modules' set-up
 * (schemas, child processes) would cost it start-up time. Static keys are read on the warm path itself.
 */
export const providers: { [K in Step['kind']]: Provider<Step & { kind: K }> } = {
  static: async (step) => staticKeys(step),
  sessionToken: async (step, source, deps) => (await import('./sessionToken')).sessionToken(step, needSource(step, source), deps),
  assumeRole: async (step, source, deps) => (await import('./assumeRole')).assumeRole(step, needSource(step, source), deps),
  sso: async (step, _source, deps) => (await import('./ssoRoleCredentials')).ssoRoleCredentials(step, deps),
  webIdentity: async (step, _source, deps) => (await import('./webIdentity')).webIdentity(step, deps),
  process: async (step, _source, deps) => (await import('./credentialProcess')).credentialProcess(step, deps.now()),
  instanceMetadata: (step, _source, deps) => deps.metadataCredentials(step.kind, step.profile),
  container: (step, _source, deps) => deps.metadataCredentials(step.kind, step.profile),
  login: async (step, _source, deps, marginSeconds) => (await import('./loginCredentials')).loginCredentials(step, deps, marginSeconds),
};

export function runStep(step: Step, source: Source | undefined, deps: ProviderDeps, marginSeconds: number): Promise<Credentials> {
  return (providers[step.kind] as Provider<Step>)(step, source, deps, marginSeconds);
}

function needSource(step: Step, source: Source | undefined): Source {
  // resolve() never puts a step that needs a source first; reaching this is a bug, not a user error.
  if (!source) throw new Error(`step ${step.kind} of profile ${step.profile} has no source credentials`);
  return source;
}
