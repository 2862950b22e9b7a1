import { usesSso, type Profile } from '../config/profile';

/** Where a profile's own credentials come from. */
export type SourceKind = 'role' | 'webIdentity' | 'roleWithoutSource' | 'sso' | 'keys' | 'login' | 'process' | 'none';

/**
 * The AWS CLI's order of precedence, first match wins. resolve(), `list --long` and the sign-in lookup all read a
 * profile through this one table, so they can never disagree on what a profile is.
 */
const PRECEDENCE: ReadonlyArray<readonly [SourceKind, (profile: Profile) => boolean]> = [
  // A role with a source wins over everything else the profile holds: keys beside it are the role's source.
  ['role', (p) => Boolean(p.role_arn && (p.source_profile || p.credential_source))],
  // role_arn with a token file and no other source: web identity, as EKS and the SDKs write it.
  ['webIdentity', (p) => Boolean(p.role_arn && p.web_identity_token_file)],
  // A role with no source is a mistake to report, not a reason to fall through to keys the role was meant to replace.
  ['roleWithoutSource', (p) => Boolean(p.role_arn)],
  ['sso', usesSso],
  // Either key alone counts, so that the missing one is reported instead of the profile passing as empty.
  ['keys', (p) => Boolean(p.aws_access_key_id || p.aws_secret_access_key)],
  // After keys and before a process, as botocore orders its providers; the JS SDK differs (keys, process, sso, then
  // login), but a profile that holds both login_session and credential_process is one neither tool's docs describe,
  // and awsenv reads profiles as the AWS CLI does.
  ['login', (p) => Boolean(p.login_session)],
  // Last, as in the AWS CLI: keys written beside a credential_process win.
  ['process', (p) => Boolean(p.credential_process)],
];

export function sourceKind(profile: Profile): SourceKind {
  return PRECEDENCE.find(([, applies]) => applies(profile))?.[0] ?? 'none';
}
