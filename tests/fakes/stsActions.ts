import { assumeRole } from './stsAssumeRole';
import { getCallerIdentity } from './stsGetCallerIdentity';
import { getFederationToken } from './stsGetFederationToken';
import { getSessionToken } from './stsGetSessionToken';
import { Params } from './stsParams';
import { assumeRoleWithWebIdentity } from './stsWebIdentity';
import { Identity, IssuedCredentials, StsState } from './stsTypes';
import { XmlFields } from './stsXml';

export interface ActionOutcome {
  result: XmlFields;
  issued?: IssuedCredentials;
}

export type SignedAction = (params: Params, caller: Identity, state: StsState) => ActionOutcome;
export type UnsignedAction = (params: Params, state: StsState) => ActionOutcome;

/** Actions that need a SigV4-signed caller. */
export const signedActions: Record<string, SignedAction> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
};

/** Actions real STS answers without a signature (the SDK sends them unsigned): the server runs them without authenticating. */
export const unsignedActions: Record<string, UnsignedAction> = {
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
};
