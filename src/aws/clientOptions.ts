import type { AwsTarget } from '../config/endpoints';

/** The bound on one call, retries included, when --timeout does not set one. */
export const DEFAULT_TIMEOUT_MS = 30000;
/** A dead endpoint must fail in seconds, not hang a shell prompt, and leave time in the call's bound for a retry. */
export const CONNECT_TIMEOUT_MS = 3000;
export const ATTEMPT_TIMEOUT_MS = 6000;
const REQUEST_HANDLER = { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: ATTEMPT_TIMEOUT_MS, throwOnRequestTimeout: true };
// The SDK's standard strategy (the default of every AWS SDK and the AWS CLI): three attempts, exponential backoff
// with jitter, a longer one for throttling, retrying network failures, 5xx and throttling only.
const RETRIES = { retryMode: 'standard', maxAttempts: 3 } as const;

/**
 * What every SDK client awsenv makes shares: the region and endpoint awsenv resolved for the step (the SDK must not
 * look again, in whatever profile AWS_PROFILE or [default] names), bounded timeouts, and the SDK's own retries
 * unless `retry` is false.
 */
export const clientOptions = (target: AwsTarget, { retry = true }: { retry?: boolean } = {}) => ({
  region: target.region,
  ...(target.endpoint && { endpoint: target.endpoint }),
  ignoreConfiguredEndpointUrls: true,
  requestHandler: REQUEST_HANDLER,
  ...RETRIES,
  ...(!retry && { maxAttempts: 1 }),
});

/** The endpoint as messages name it. */
export const describeTarget = (target: AwsTarget) => target.endpoint ?? `the ${target.region} regional endpoint`;
