import type { ActionOutcome } from './stsActions';
import { credentialsXml, issueCredentials } from './stsCredentials';
import { accessDenied } from './stsError';
import { acceptMfaCode } from './stsMfa';
import { Params, durationParam } from './stsParams';
import { Identity, StsState } from './stsTypes';

export function getSessionToken(params: Params, caller: Identity, state: StsState): ActionOutcome {
  if (caller.temporary || !caller.user) throw accessDenied('Cannot call GetSessionToken with session credentials');
  const user = caller.user;
  const durationSeconds = durationParam(params, 43200, 129600);
  const mfaGiven = params.SerialNumber !== undefined || params.TokenCode !== undefined;
  if (mfaGiven) acceptMfaCode(state, params.SerialNumber, params.TokenCode, (serial) => serial === user.mfaSerial);
  // The session acts as the user: same ARN for GetCallerIdentity and trust policies, plus whatever MFA proved.
  const issued = issueCredentials(state, { ...caller, mfaAuthenticated: mfaGiven, temporary: true }, durationSeconds);
  return { result: { Credentials: credentialsXml(issued) }, issued };
}
