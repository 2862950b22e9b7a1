import { assumeRole } from './stsAssumeRole';
import { getCallerIdentity } from './stsGetCallerIdentity';
import { getSessionToken } from './stsGetSessionToken';
import { Params } from './stsParams';
import { Identity, IssuedCredentials, StsState } from './stsTypes';
import { XmlFields } from './stsXml';

export interface ActionOutcome {
  result: XmlFields;
  issued?: IssuedCredentials;
}

export type SignedAction = (params: Params, caller: Identity, state: StsState) => ActionOutcome;

/**
 * Actions that need a SigV4-signed caller. AssumeRoleWithWebIdentity and AssumeRoleWithSAML are unsigned in real
 * STS; they belong in a table of their own that the server consults before authenticating.
 */
export const signedActions: Record<string, SignedAction> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
};
