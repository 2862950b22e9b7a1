import { startFakeSts, type FakeSts } from '../fakes/sts';
import { ALICE } from './world';

export { ALICE };

/**
 * The IAM-user world: an IAM user alice with a virtual MFA device, roles she may assume with MFA, a role
 * only reachable from another role, and the config text for it all.
 */
export const ADMIN_ROLE = 'arn:aws:iam::222222222222:role/admin';
export const READONLY_ROLE = 'arn:aws:iam::333333333333:role/readonly';
export const DEEP_ROLE = 'arn:aws:iam::444444444444:role/deep';
export const PARTNER_ROLE = 'arn:aws:iam::555555555555:role/partner';
export const LOCKED_ROLE = 'arn:aws:iam::666666666666:role/locked';

export function startWorld(): Promise<FakeSts> {
  return startFakeSts({
    users: [ALICE],
    roles: [
      { arn: ADMIN_ROLE, requireMfa: true, maxSessionDuration: 43200 },
      { arn: READONLY_ROLE, requireMfa: true },
      { arn: DEEP_ROLE, trustedPrincipals: [ADMIN_ROLE] },
      { arn: PARTNER_ROLE, externalId: 'partner-ext-42' },
      { arn: LOCKED_ROLE, trustedPrincipals: ['arn:aws:iam::999999999999:user/bob'] },
    ],
  });
}

export const CREDENTIALS = `[alice]
aws_access_key_id = ${ALICE.accessKeyId}
aws_secret_access_key = ${ALICE.secretAccessKey}
`;

export const CONFIG = `[profile alice]
region = eu-west-1
mfa_serial = ${ALICE.mfaSerial}

[profile admin]
role_arn = ${ADMIN_ROLE}
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}
region = eu-central-1

[profile readonly]
role_arn = ${READONLY_ROLE}
source_profile = alice
mfa_serial = ${ALICE.mfaSerial}

[profile deep]
role_arn = ${DEEP_ROLE}
source_profile = admin
role_session_name = deep-dive

[profile partner]
role_arn = ${PARTNER_ROLE}
source_profile = alice
external_id = partner-ext-42
duration_seconds = 1800

[profile locked]
role_arn = ${LOCKED_ROLE}
source_profile = alice
`;
