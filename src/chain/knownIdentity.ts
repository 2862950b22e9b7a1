import type { Chain } from './types';

/** What a chain says about the credentials it ends with, from the config alone: no call to AWS. */
export interface KnownIdentity {
  /** The account the credentials act in, when a step names it (a role's ARN, sso_account_id, an MFA device's ARN). */
  readonly account?: string;
  /** The role they act as: a role's ARN, sso_role_name, a console sign-in of an assumed role. */
  readonly role?: string;
  /** They are an MFA session (GetSessionToken) of an IAM user's keys. */
  readonly mfaSession?: boolean;
}

// IAM and STS ARNs have no region: arn:PARTITION:iam::ACCOUNT:RESOURCE, in every partition (aws, aws-cn, aws-us-gov, ...).
const ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/;

/** The account and role an IAM or STS ARN names: role/[PATH/]NAME, assumed-role/NAME/SESSION; a user or device gives the account only. */
export function identityOfArn(arn: string): KnownIdentity {
  const match = ARN.exec(arn);
  if (!match) return {};
  const [, account, resource] = match;
  const role = /^role\/(?:.*\/)?([^/]+)$/.exec(resource)?.[1] ?? /^assumed-role\/([^/]+)\//.exec(resource)?.[1];
  return role ? { account, role } : { account };
}

/** Who the last step's credentials are, as far as the chain knows it; empty for keys, credential_process and metadata. */
export function knownIdentity(chain: Chain): KnownIdentity {
  const last = chain.steps[chain.steps.length - 1];
  switch (last?.kind) {
    case 'assumeRole':
    case 'webIdentity':
      return identityOfArn(last.roleArn);
    case 'sso':
      return { account: last.accountId, role: last.roleName };
    case 'login':
      return identityOfArn(last.loginSession);
    case 'sessionToken':
      // A virtual device's ARN names the user's account; a hardware device's serial (GAHT12345678) names none.
      return { ...identityOfArn(last.mfaSerial), mfaSession: true };
    default:
      return {};
  }
}
