import { z } from 'zod/v3';
import type { Credentials } from '../core/credentials';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';

/** Not AWS_ENDPOINT_URL_SIGNIN: that one already points the SDKs' (and awsenv's) regional AWS Sign-In token calls elsewhere. */
export const FEDERATION_ENDPOINT_VARIABLE = 'AWSENV_FEDERATION_ENDPOINT';

const answerSchema = z.object({ SigninToken: z.string().min(1) });

/**
 * The federation endpoint's getSigninToken: the session's credentials in, a sign-in token (valid for 15 minutes) out.
 * By hand, since no SDK has a client for it; one attempt within `timeoutMs`. The request carries the credentials in
 * its query, as AWS defines it, so its URL is never logged.
 */
export async function getSigninToken(endpoint: string, credentials: Credentials, sessionDuration: number | undefined, profile: string, log: Logger, timeoutMs: number): Promise<string> {
  const session = JSON.stringify({ sessionId: credentials.accessKeyId, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
  const query = new URLSearchParams({ Action: 'getSigninToken', ...(sessionDuration && { SessionDuration: String(sessionDuration) }), Session: session });
  log.debug(`AWS federation: getSigninToken at ${endpoint}${sessionDuration ? ` (SessionDuration ${sessionDuration})` : ''}`);
  let response: Response;
  try {
    response = await fetch(`${endpoint}?${query}`, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new AwsenvError('unavailable', `the console's federation endpoint (${endpoint}) ${timedOut ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : 'cannot be reached'}`, {
      profile,
      hint: `Check the network and proxy (and ${FEDERATION_ENDPOINT_VARIABLE} if set), then try again.`,
      cause: error,
    });
  }
  const text = await response.text().catch(() => '');
  if (response.status === 200) {
    const answer = answerSchema.safeParse(jsonOf(text));
    if (answer.success) return answer.data.SigninToken;
  }
  throw federationRefusal(response.status, endpoint, profile);
}

/** What a refusal means: the endpoint says no more than its status, so the hint lists what AWS documents it refuses. */
export function federationRefusal(status: number, endpoint: string, profile: string): AwsenvError {
  if (status >= 400 && status < 500) {
    return new AwsenvError('aws', `the console's federation endpoint refused the credentials (HTTP ${status})`, {
      profile,
      hint:
        'It takes the session of a role (AssumeRole, IAM Identity Center, web identity) or of GetFederationToken, not an MFA session (GetSessionToken)'
        + ' or expired credentials; a role assumed from another role (role chaining) allows no --duration over 1h. Try again with --refresh, or use a role profile.',
    });
  }
  const what = status === 200 ? 'an answer without a sign-in token' : `HTTP ${status}`;
  return new AwsenvError('unavailable', `the console's federation endpoint (${endpoint}) answered with ${what}`, {
    profile,
    hint: `A proxy or a network sign-in page may be in the way (or ${FEDERATION_ENDPOINT_VARIABLE} points elsewhere): check them, then try again.`,
  });
}

/** The URL that signs the browser in and lands on `destination`: a secret for as long as its token lives. */
export function loginUrl(endpoint: string, signinToken: string, destination: string): string {
  return `${endpoint}?${new URLSearchParams({ Action: 'login', Issuer: 'awsenv', Destination: destination, SigninToken: signinToken })}`;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
