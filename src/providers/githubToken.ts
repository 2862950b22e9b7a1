import { z } from 'zod/v3';
import { AwsenvError } from '../errors';
import type { Env } from '../config/loadConfig';

const answerSchema = z.object({ value: z.string().min(1) });
const TIMEOUT_MS = 10000;

/** The job's OIDC ID token from GitHub Actions, for the audience the role's trust policy expects. */
export async function githubIdToken(audience: string, env: Env, profile: string): Promise<string> {
  const fail = (why: string, cause?: unknown, kind: 'network' | 'aws' | 'config' = 'network') =>
    new AwsenvError(kind, `could not get the GitHub Actions ID token (${why})`, { profile, hint: 'The job needs "permissions: id-token: write".', cause });
  let url: URL;
  try {
    url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL!);
  } catch (error) {
    throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL', error, 'config');
  }
  url.searchParams.set('audience', audience);
  let response: Response;
  try {
    // The request token is a secret: it goes in the header, never in a log or an argument list.
    response = await fetch(url, { headers: { Authorization: `bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw fail((error as Error).message, error);
  }
  // An answer that refuses is a refusal, not a network failure.
  if (!response.ok) throw fail(`HTTP ${response.status} from the token endpoint`, undefined, response.status < 500 ? 'aws' : 'network');
  const parsed = answerSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw fail('the token endpoint answered without a token');
  return parsed.data.value;
}
