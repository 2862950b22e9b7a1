import { loadConfig } from '../../config/loadConfig';
import { writeStderr } from '../../core/writeAllSync';
import { signInSessionOf } from '../../chain/signInSession';
import type { CommandOf } from '../command';
import { pickProfile } from '../pickProfile';
import type { Wiring } from '../wire';

/** `awsenv login [PROFILE]`: a new IAM Identity Center sign-in for the profile's chain. Prints nothing on stdout. */
export async function loginCommand(command: CommandOf<'login'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const config = loadConfig(env, log);
  const { name, origin } = pickProfile(command.profile, env);
  const session = signInSessionOf(name, config, env, origin);
  log.debug(`signing in to ${session.startUrl} (${session.name ? `sso-session "${session.name}"` : 'legacy profile'}, ${session.region})`);
  const token = await (await wiring.sso()).signIn(session, name, command.signIn);
  writeStderr(`awsenv: signed in to ${session.startUrl} until ${token.expiresAt}\n`);
  return '';
}
