import { loadConfig } from '../../config/loadConfig';
import { writeStderr } from '../../core/writeAllSync';
import { signInSessionOf } from '../../chain/signInSession';
import { consoleSignInOf } from '../../chain/consoleSignInOf';
import type { CommandOf } from '../command';
import { pickProfile } from '../pickProfile';
import type { Wiring } from '../wire';

/**
 * `awsenv login [PROFILE]`: a new sign-in for the profile's chain: a console sign-in (`aws login`) for a login_session
 * chain or a profile with no credentials yet, else IAM Identity Center's. Prints nothing on stdout.
 */
export async function loginCommand(command: CommandOf<'login'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const config = loadConfig(env, log);
  const { name, origin } = pickProfile(command.profile, env);
  const console = consoleSignInOf(name, config, env, origin, command.signIn.region);
  if (console) return (await import('../consoleLogin')).consoleLogin(console, command.signIn, wiring);
  const session = signInSessionOf(name, config, env, origin);
  log.debug(`signing in to ${session.startUrl} (${session.name ? `sso-session "${session.name}"` : 'legacy profile'}, ${session.region})`);
  const token = await (await wiring.sso()).signIn(session, name, command.signIn);
  writeStderr(`awsenv: signed in to ${session.startUrl} until ${token.expiresAt}\n`);
  return '';
}
