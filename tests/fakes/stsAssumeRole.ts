import type { ActionOutcome } from './stsActions';
import { notAuthorizedToAssume, validationError } from './stsError';
import { acceptMfaCode } from './stsMfa';
import { Params, durationParam, requiredParam, roleSessionNameParam } from './stsParams';
import { packedPolicySize, startRoleSession } from './stsRoleSession';
import { sessionTagsParam } from './stsSessionTags';
import { FakeRole, Identity, StsState } from './stsTypes';

const CHAINED_MAX_SECONDS = 3600;

export function assumeRole(params: Params, caller: Identity, state: StsState): ActionOutcome {
  const roleArn = requiredParam(params, 'RoleArn');
  const sessionName = roleSessionNameParam(params);
  const durationSeconds = durationParam(params, 3600, 43200);
  // AWS treats every temporary caller as role chaining, a GetSessionToken session included (aws-vault#263,
  // aws-runas#11): MFA-session-then-role can never ask for more than an hour.
  if (caller.temporary && durationSeconds > CHAINED_MAX_SECONDS) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  const role = state.roles.find((candidate) => candidate.arn === roleArn);
  // An unknown role, an untrusted caller and a wrong external ID look alike, so the answer reveals nothing.
  if (!role || !trusts(role, caller) || (role.externalId !== undefined && params.ExternalId !== role.externalId)) {
    throw notAuthorizedToAssume(caller.arn, roleArn);
  }
  const mfaGiven = params.SerialNumber !== undefined || params.TokenCode !== undefined;
  if (mfaGiven) acceptMfaCode(state, params.SerialNumber, params.TokenCode, (serial) => mfaDeviceUsable(state, caller, serial));
  // MFA proven once carries through a GetSessionToken session and through every role chained from it.
  const mfaAuthenticated = caller.mfaAuthenticated || mfaGiven;
  if (role.requireMfa && !mfaAuthenticated) throw notAuthorizedToAssume(caller.arn, roleArn);
  const session = startRoleSession(state, role, sessionName, durationSeconds, mfaAuthenticated, sessionTagsParam(params, caller));
  return {
    result: { ...session.result, PackedPolicySize: packedPolicySize(params.Policy), SourceIdentity: params.SourceIdentity },
    issued: session.issued,
  };
}

function trusts(role: FakeRole, caller: Identity): boolean {
  return role.trustedPrincipals === undefined || role.trustedPrincipals.includes(caller.trustArn);
}

/** A user may only use their own device; a role session has no device of its own, so any registered one will do. */
function mfaDeviceUsable(state: StsState, caller: Identity, serial: string): boolean {
  if (caller.user) return serial === caller.user.mfaSerial;
  return state.users.some((user) => user.mfaSerial === serial);
}
