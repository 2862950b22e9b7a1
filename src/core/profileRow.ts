/** One profile as a person chooses among them (`list --long`, the picker of a bare awsuse): from its keys alone. */
export interface ProfileRow {
  readonly name: string;
  /** What `list --long` calls it: static, mfa-session, role, sso, web-identity, login, process, none, invalid. */
  readonly kind: string;
  readonly account?: string;
  readonly region?: string;
}
