import type { ActionOutcome } from './stsActions';
import { accountOf, credentialsXml, issueCredentials } from './stsCredentials';
import { accessDenied, validationError } from './stsError';
import { Params, durationParam, requiredParam } from './stsParams';
import { packedPolicySize } from './stsRoleSession';
import { Identity, StsState } from './stsTypes';

/** A federated user's session, as STS gives one: only to an IAM user's long-term keys, named 2 to 32 characters. */
export function getFederationToken(params: Params, caller: Identity, state: StsState): ActionOutcome {
  if (caller.temporary || !caller.user) throw accessDenied('Cannot call GetFederationToken with session credentials');
  const name = requiredParam(params, 'Name');
  if (!/^[\w+=,.@-]{2,32}$/.test(name)) {
    throw validationError(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length between 2 and 32 and match [\\w+=,.@-]*`);
  }
  const durationSeconds = durationParam(params, 43200, 129600);
  const account = accountOf(caller.user.arn);
  const arn = `arn:aws:sts::${account}:federated-user/${name}`;
  // Without a policy the federated user may do nothing at all; recorded, so tests can tell the two apart.
  const identity: Identity = { arn, userId: `${account}:${name}`, trustArn: arn, mfaAuthenticated: false, temporary: true, federatedPolicy: params.Policy };
  const issued = issueCredentials(state, identity, durationSeconds);
  return {
    result: { Credentials: credentialsXml(issued), FederatedUser: { FederatedUserId: identity.userId, Arn: arn }, PackedPolicySize: packedPolicySize(params.Policy) },
    issued,
  };
}
