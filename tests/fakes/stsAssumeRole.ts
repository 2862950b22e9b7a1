import type { ActionOutcome } from './stsActions';
import { accountOf, credentialsXml, issueCredentials, uniqueId } from './stsCredentials';
import { notAuthorizedToAssume, validationError } from './stsError';
import { acceptMfaCode } from './stsMfa';
import { Params, durationParam, requiredParam, roleSessionNameParam } from './stsParams';
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
  if (durationSeconds > (role.maxSessionDuration ?? 3600)) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }

  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const assumedRoleUser = {
    AssumedRoleId: `${uniqueId('AROA', roleArn)}:${sessionName}`,
    Arn: `arn:aws:sts::${accountOf(roleArn)}:assumed-role/${roleName}/${sessionName}`,
  };
  const issued = issueCredentials(
    state,
    { arn: assumedRoleUser.Arn, userId: assumedRoleUser.AssumedRoleId, trustArn: roleArn, mfaAuthenticated, temporary: true },
    durationSeconds,
  );
  return {
    result: {
      Credentials: credentialsXml(issued),
      AssumedRoleUser: assumedRoleUser,
      // AWS sends the size only when the request carried a session policy; 2048 characters is the whole budget.
      PackedPolicySize: params.Policy === undefined ? undefined : Math.ceil((100 * params.Policy.length) / 2048),
      SourceIdentity: params.SourceIdentity,
    },
    issued,
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
