import { runProcess } from './cli';

// botocore's SSOTokenProvider, what every botocore client signs with for an sso-session profile: it reads the token
// file, refreshes it with the refresh token and the registration filed in it when it is within 15 minutes of its
// end, and writes the new one back.
const LOADER = `
import json, sys
import botocore.session
from botocore.tokens import SSOTokenProvider
session = botocore.session.Session(profile=sys.argv[1])
token = SSOTokenProvider(session).load_token()
print(json.dumps({'token': token.get_frozen_token().token}))
`;

/**
 * The access token botocore signs with for `profile`, in the environment given (HOME, the endpoint variables). Run
 * without blocking: the fakes answer from this process.
 */
export async function botocoreSsoToken(python: string, profile: string, env: NodeJS.ProcessEnv): Promise<string> {
  const run = await runProcess(python, ['-c', LOADER, profile], { env, timeoutMs: 60000 });
  if (run.code !== 0) throw new Error(`botocore's SSO token loading failed: ${run.stderr}`);
  return JSON.parse(run.stdout).token;
}
