import type { Env } from '../config/loadConfig';
import { loadConfig } from '../config/loadConfig';
import { signInSessionOf } from '../chain/signInSession';
import type { Logger } from '../providers/deps';
import { pickProfile } from './obtainCredentials';
import { ssoWiring } from './ssoWiring';

/** `awsenv login [PROFILE]`: a new IAM Identity Center sign-in for the profile's chain. Prints nothing on stdout. */
export async function login(profileArgument: string | undefined, options: { browser: boolean }, env: Env, log: Logger): Promise<string> {
  const config = await loadConfig(env);
  const { name, origin } = pickProfile(profileArgument, env);
  const session = signInSessionOf(name, config, env, origin);
  log.debug(`signing in to ${session.startUrl} (${session.name ? `sso-session "${session.name}"` : 'legacy profile'}, ${session.region})`);
  const token = await ssoWiring(env, log).signIn(session, name, options);
  process.stderr.write(`awsenv: signed in to ${session.startUrl} until ${token.expiresAt}\n`);
  return '';
}
