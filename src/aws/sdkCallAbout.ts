/** What the messages about one SDK call name: the call, where it went, for whom, and its bounds. */
export interface SdkCallAbout {
  /** "STS", "SSO", "SSO OIDC": the names of the AWS_ENDPOINT_URL_* settings. */
  readonly service: string;
  readonly operation: string;
  readonly endpoint: string;
  readonly profile: string;
  /** The bound on the call, retries included (--timeout). */
  readonly timeoutMs: number;
  /** The call carries a single-use MFA code: it gets one attempt, and its failure says whether the code is spent. */
  readonly mfaCode?: boolean;
}

/** The setting that points the service elsewhere, as hints name it. */
export const endpointSetting = (service: string) => `AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}`;

export const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
