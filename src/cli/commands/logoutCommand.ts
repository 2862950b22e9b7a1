import type { Env } from '../../core/env';
import { writeStderr } from '../../core/writeAllSync';
import { AwsenvError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { loadConfig } from '../../config/loadConfig';
import type { AwsConfig } from '../../config/mergeSharedFiles';
import { parseProfile, usesSso } from '../../config/profile';
import { serviceTarget, type AwsTarget } from '../../config/endpoints';
import { signInSessionOf } from '../../chain/signInSession';
import { consoleSignInOf } from '../../chain/consoleSignInOf';
import { loginOrigin } from '../../cache/loginCacheFiles';
import { ssoSessionOf } from '../../chain/resolveSso';
import type { SsoSession } from '../../chain/types';
import { ssoOrigin, tokenFileName } from '../../cache/ssoCacheFiles';
import type { SsoToken } from '../../cache/ssoTokenCache';
import type { CommandOf } from '../command';
import { pickProfile } from '../pickProfile';
import type { SsoServices, Wiring } from '../wire';

/**
 * `awsenv logout [PROFILE] [--all]`: signs out at IAM Identity Center, then removes the cached token and every
 * credential set derived from it. The local part happens even when the server cannot be reached.
 */
export async function logoutCommand(command: CommandOf<'logout'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const config = loadConfig(env, log);
  const credentials = wiring.credentialCache();
  const picked = pickProfile(command.profile, env);
  const console = command.all || !config.profiles[picked.name] ? undefined : consoleSignInOf(picked.name, config, env, picked.origin);
  if (console?.loginSession) {
    // As `aws logout`: the cache file goes (AWS Sign-In has no sign-out call), and with it what awsenv derived from it.
    const existed = (await wiring.providerDeps(picked.name, undefined).loginCache()).remove(console.loginSession);
    const removed = credentials.removeWhere((o) => o === loginOrigin(console.loginSession!));
    writeStderr(`awsenv: signed out of ${console.loginSession}${existed ? '' : ' (there was no sign-in)'}; removed ${removed} cached credential set${removed === 1 ? '' : 's'}\n`);
    return '';
  }
  const sso = await wiring.sso();
  if (!command.all) {
    const { name, origin } = picked;
    const session = signInSessionOf(name, config, env, origin);
    const token = sso.cache.readToken(session);
    if (token) await signOut(sso, session.portal, token, name, log);
    sso.cache.removeToken(session);
    const removed = credentials.removeWhere((o) => o === ssoOrigin(session));
    writeStderr(`awsenv: signed out of ${session.startUrl}${token ? '' : ' (there was no sign-in)'}; removed ${removed} cached credential set${removed === 1 ? '' : 's'}\n`);
    return '';
  }
  const known = knownSessions(config, env);
  const tokens = sso.cache.listTokens();
  for (const { file, token } of tokens) {
    const session = known.get(file);
    await signOut(sso, session?.portal ?? serviceTarget('SSO', {}, config, env, token.region), token, session?.name ?? token.startUrl, log);
    sso.cache.removeTokenFile(file);
  }
  sso.cache.removeStaleTemps();
  const removed = credentials.removeWhere((o) => o?.startsWith('sso:') ?? false);
  writeStderr(`awsenv: signed out of ${tokens.length} IAM Identity Center sign-in${tokens.length === 1 ? '' : 's'}; removed ${removed} cached credential set${removed === 1 ? '' : 's'}\n`);
  return '';
}

async function signOut(sso: SsoServices, portal: AwsTarget, token: SsoToken, label: string, log: Logger) {
  try {
    await (await sso.portal(portal, label)).logout(token.accessToken);
  } catch (error) {
    if (!(error instanceof AwsenvError)) throw error;
    // Signing out is worth a word when it fails, but not a failure: the local sign-in goes all the same.
    log.warn(`could not sign out at IAM Identity Center (${error.detail}); removed the local sign-in anyway`);
  }
}

/** The sessions the config names, by token file, so --all signs out at each one's configured endpoint. */
function knownSessions(config: AwsConfig, env: Env): Map<string, SsoSession> {
  const sessions = new Map<string, SsoSession>();
  for (const [name, section] of Object.entries(config.profiles)) {
    const parsed = parseProfile(section);
    if (!parsed.ok || !usesSso(parsed.profile)) continue;
    try {
      const session = ssoSessionOf(name, parsed.profile, config, env);
      sessions.set(tokenFileName(session), session);
    } catch {
      // A broken profile cannot name an endpoint; the token's own region serves.
    }
  }
  return sessions;
}
