import type { Step } from '../chain/types';
import type { Credentials } from '../core/credentials';
import type { ProviderDeps, Source } from './providerDeps';
import { staticKeys } from './staticKeys';
import { sessionToken } from './sessionToken';
import { assumeRole } from './assumeRole';
import { ssoRoleCredentials } from './ssoRoleCredentials';
import { webIdentity } from './webIdentity';
import { credentialProcess } from './credentialProcess';

type Provider<S extends Step> = (step: S, source: Source | undefined, deps: ProviderDeps) => Promise<Credentials>;

/** One provider per step kind; the mapped type makes the compiler insist on a provider for every kind. */
export const providers: { [K in Step['kind']]: Provider<Step & { kind: K }> } = {
  static: async (step) => staticKeys(step),
  sessionToken: (step, source, deps) => sessionToken(step, needSource(step, source), deps),
  assumeRole: (step, source, deps) => assumeRole(step, needSource(step, source), deps),
  sso: (step, _source, deps) => ssoRoleCredentials(step, deps),
  webIdentity: (step, _source, deps) => webIdentity(step, deps),
  process: (step, _source, deps) => credentialProcess(step, deps.now()),
  instanceMetadata: (step, _source, deps) => deps.metadataCredentials(step.kind, step.profile),
  container: (step, _source, deps) => deps.metadataCredentials(step.kind, step.profile),
};

export function runStep(step: Step, source: Source | undefined, deps: ProviderDeps): Promise<Credentials> {
  return (providers[step.kind] as Provider<Step>)(step, source, deps);
}

function needSource(step: Step, source: Source | undefined): Source {
  // resolve() never puts a step that needs a source first; reaching this is a bug, not a user error.
  if (!source) throw new Error(`step ${step.kind} of profile ${step.profile} has no source credentials`);
  return source;
}
