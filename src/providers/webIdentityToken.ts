import fs from 'node:fs';
import { z } from 'zod/v3';
import type { WebIdentityToken } from '../chain/types';
import { AwsenvError, type ErrorKind } from '../core/errors';
import type { Env } from '../core/env';

const githubAnswer = z.object({ value: z.string().min(1) });
const GITHUB_TIMEOUT_MS = 10000;

/** The token of a web identity step, read afresh on every fetch: CI tokens last minutes, and files are rotated. */
export async function webIdentityToken(token: WebIdentityToken, env: Env, profile: string): Promise<string> {
  return token.source === 'github' ? githubIdToken(token.audience, env, profile) : readTokenFile(token.path, profile);
}

function readTokenFile(path: string, profile: string): string {
  let token: string;
  try {
    token = fs.readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new AwsenvError('config', `cannot read the web identity token file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { profile, cause: error });
  }
  if (!token) throw new AwsenvError('config', `the web identity token file ${path} is empty`, { profile });
  return token;
}

/** The job's OIDC ID token from GitHub Actions, for the audience the role's trust policy expects. */
async function githubIdToken(audience: string, env: Env, profile: string): Promise<string> {
  const fail = (why: string, kind: ErrorKind, cause?: unknown) =>
    new AwsenvError(kind, `could not get the GitHub Actions ID token (${why})`, { profile, hint: 'The job needs "permissions: id-token: write".', cause });
  let url: URL;
  try {
    url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL!);
  } catch (error) {
    throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL', 'config', error);
  }
  url.searchParams.set('audience', audience);
  let response: Response;
  try {
    // The request token is a secret: it goes in the header, never in a log or an argument list.
    response = await fetch(url, { headers: { Authorization: `bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, Accept: 'application/json' }, signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS) });
  } catch (error) {
    throw fail((error as Error).message, 'unavailable', error);
  }
  // GitHub refusing is not AWS refusing: a 4xx means the job may not have a token (its permissions), a 5xx that
  // the service is failing, worth another try.
  if (!response.ok) throw fail(`HTTP ${response.status} from the token endpoint`, response.status < 500 ? 'config' : 'unavailable');
  const parsed = githubAnswer.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw fail('the token endpoint answered without a token', 'unavailable');
  return parsed.data.value;
}
