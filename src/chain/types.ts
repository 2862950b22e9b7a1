/** Where one AWS call of a step goes. */
export interface AwsTarget {
  readonly region: string;
  readonly endpoint?: string;
}

/** Keys written in a profile. The only step that holds a secret: describeChain() never prints it. */
export interface StaticStep {
  readonly kind: 'static';
  readonly profile: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** STS GetSessionToken with an MFA code: the session every role sharing the source and serial reuses. */
export interface SessionTokenStep {
  readonly kind: 'sessionToken';
  readonly profile: string;
  readonly mfaSerial: string;
  readonly durationSeconds: number;
  readonly sts: AwsTarget;
}

/** STS AssumeRole with the credentials of the step before it. */
export interface AssumeRoleStep {
  readonly kind: 'assumeRole';
  readonly profile: string;
  readonly roleArn: string;
  readonly roleSessionName?: string;
  readonly externalId?: string;
  readonly sourceIdentity?: string;
  /** Set only when this call itself must carry an MFA code (no earlier step authenticated with this serial). */
  readonly mfaSerial?: string;
  readonly durationSeconds?: number;
  readonly sts: AwsTarget;
}

export type Step = StaticStep | SessionTokenStep | AssumeRoleStep;

/** What resolve() hands to the runner: the steps in order, and what the export adds besides credentials. */
export interface Chain {
  readonly profile: string;
  readonly steps: readonly Step[];
  /** The region to export: the --region flag or the named profile's own region. */
  readonly region?: string;
}
