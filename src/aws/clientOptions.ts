import type { AwsTarget } from '../config/endpoints';

// A dead endpoint must fail in seconds, not hang a shell prompt: bounded per attempt and in total.
const REQUEST_HANDLER = { connectionTimeout: 3000, requestTimeout: 6000, throwOnRequestTimeout: true };
const TOTAL_TIMEOUT_MS = 20000;

/**
 * What every SDK client awsenv makes shares: the region and endpoint awsenv resolved for the step (the SDK must not
 * look again, in whatever profile AWS_PROFILE or [default] names), and bounded timeouts.
 */
export const clientOptions = (target: AwsTarget) => ({
  region: target.region,
  ...(target.endpoint && { endpoint: target.endpoint }),
  ignoreConfiguredEndpointUrls: true,
  requestHandler: REQUEST_HANDLER,
});

/** The bound on one call, retries included. */
export const callOptions = () => ({ abortSignal: AbortSignal.timeout(TOTAL_TIMEOUT_MS) });

/** The endpoint as messages name it. */
export const describeTarget = (target: AwsTarget) => target.endpoint ?? `the ${target.region} regional endpoint`;
