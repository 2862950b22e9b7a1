import { z } from 'zod/v3';
import type { AwsTarget } from '../config/endpoints';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { dpopProof } from './dpopProof';
import { signinRefusal } from './signinRefusal';

/** The two grants of AWS Sign-In's token endpoint, with the field names of its JSON body. */
export type TokenGrant =
  | { readonly clientId: string; readonly grantType: 'refresh_token'; readonly refreshToken: string }
  | { readonly clientId: string; readonly grantType: 'authorization_code'; readonly code: string; readonly codeVerifier: string; readonly redirectUri: string };

const answerSchema = z.object({
  accessToken: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().min(1) }),
  expiresIn: z.number().int().positive(),
  refreshToken: z.string().min(1),
  idToken: z.string().optional(),
  tokenType: z.string().optional(),
});

export type TokenAnswer = z.infer<typeof answerSchema>;

export interface SigninApi {
  /** The base URL the service's pages and token endpoint live under. */
  readonly base: string;
  /** One token call; a refusal becomes an AwsenvError that says what the person must do. */
  token(grant: TokenGrant, dpopKey: string): Promise<TokenAnswer>;
}

/**
 * AWS Sign-In's public endpoint for a region, in the partitions of the SDK's endpoint rules that have public
 * regions (the others are reached with AWS_ENDPOINT_URL_SIGNIN), else the configured endpoint, as the SDKs use it.
 */
export function signinBase(target: AwsTarget): string {
  if (target.endpoint) return target.endpoint.replace(/\/+$/, '');
  const domain = target.region.startsWith('cn-') ? 'signin.amazonaws.cn' : target.region.startsWith('us-gov-') ? 'signin.amazonaws-us-gov.com' : 'signin.aws.amazon.com';
  return `https://${target.region}.${domain}`;
}

/**
 * The token endpoint by hand rather than through the SDK: the SDK's Sign-In client is internal to its packages
 * (nested-clients), and the call is one unsigned JSON POST whose DPoP header must name the exact URL sent to.
 * One attempt within `timeoutMs`: a refresh token is spent by the call, so a retry after a lost answer would fail.
 */
export function createSigninApi(target: AwsTarget, profile: string, log: Logger, timeoutMs: number, now: () => Date): SigninApi {
  const base = signinBase(target);
  const url = `${base}/v1/token`;
  return {
    base,
    async token(grant, dpopKey) {
      log.debug(`AWS Sign-In: ${grant.grantType} grant at ${url}`);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', dpop: dpopProof(dpopKey, 'POST', url, now()) },
          body: JSON.stringify(grant),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw new AwsenvError('unavailable', `AWS Sign-In (${base}) ${timedOut ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : 'cannot be reached'}`, {
          profile,
          hint: 'Check the network (and AWS_ENDPOINT_URL_SIGNIN if set), then try again.',
          cause: error,
        });
      }
      const text = await response.text().catch(() => '');
      const body = jsonOf(text);
      if (response.status === 200) {
        const answer = answerSchema.safeParse(body);
        if (answer.success) return answer.data;
      }
      throw signinRefusal(response.status, body, base, profile, grant.grantType);
    },
  };
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
