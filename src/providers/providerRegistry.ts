import type { Step } from '../chain/types';
import type { Credentials } from './credentials';
import type { ProviderDeps, Source } from './deps';
import { staticKeys } from './staticKeys';
import { getSessionToken } from './sessionToken';
import { assumeRole } from './assumeRole';
import { ssoRoleCredentials } from './sso';
import { webIdentity } from './webIdentity';
import { credentialProcess } from './credentialProcess';
import { metadataCredentials } from './metadataCredentials';

type Provider<S extends Step> = (step: S, source: Source | undefined, deps: ProviderDeps) => Promise<Credentials>;

/** One provider per step kind; the mapped type makes the compiler insist on a provider for every kind. */
export const providers: { [K in Step['kind']]: Provider<Extract<Step, { kind: K }>> } = {
  static: async (step) => staticKeys(step),
  sessionToken: (step, source, deps) => getSessionToken(step, needSource(step, source), deps),
  assumeRole: (step, source, deps) => assumeRole(step, needSource(step, source), deps),
  sso: (step, _source, deps) => ssoRoleCredentials(step, deps),
  webIdentity: (step, _source, deps) => webIdentity(step, deps),
  process: (step) => credentialProcess(step),
  instanceMetadata: (step) => metadataCredentials(step),
  container: (step) => metadataCredentials(step),
};

export function runStep(step: Step, source: Source | undefined, deps: ProviderDeps): Promise<Credentials> {
  return (providers[step.kind] as Provider<Step>)(step, source, deps);
}

function needSource(step: Step, source: Source | undefined): Source {
  // resolve() never puts a step that needs a source first; reaching this is a bug, not a user error.
  if (!source) throw new Error(`step ${step.kind} of profile ${step.profile} has no source credentials`);
  return source;
}
