import type { Env } from '../config/loadConfig';
import { loadConfig, type AwsConfig } from '../config/loadConfig';
import { parseProfile, usesSso } from '../config/profile';
import { serviceTarget } from '../config/endpoints';
import { signInSessionOf } from '../chain/signInSession';
import { ssoSessionOf } from '../chain/resolveSso';
import type { AwsTarget, SsoSession } from '../chain/types';
import { fileCache } from '../cache/credentialCache';
import { ssoOrigin, tokenFileName, type SsoToken } from '../cache/ssoTokenCache';
import type { Logger } from '../providers/deps';
import { errorName } from '../providers/awsCallErrors';
import { cacheDir, pickProfile } from './obtainCredentials';
import { ssoWiring, type SsoWiring } from './ssoWiring';

/**
 * `awsenv logout [PROFILE] [--all]`: signs out at IAM Identity Center, then removes the cached token and every
 * credential set derived from it. The local part happens even when the server cannot be reached.
 */
export async function logout(profileArgument: string | undefined, all: boolean, env: Env, log: Logger): Promise<string> {
  const config = await loadConfig(env);
  const sso = ssoWiring(env, log);
  const credentials = fileCache(cacheDir(env), log);
  if (!all) {
    const { name, origin } = pickProfile(profileArgument, env);
    const session = signInSessionOf(name, config, env, origin);
    const token = sso.cache.readToken(session);
    if (token) await signOut(sso, session.portal, token, name, log);
    sso.cache.removeToken(session);
    const removed = credentials.removeWhere((o) => o === ssoOrigin(session));
    process.stderr.write(`awsenv: signed out of ${session.startUrl}${token ? '' : ' (there was no sign-in)'}; removed ${removed} cached credential set${removed === 1 ? '' : 's'}\n`);
    return '';
  }
  const known = knownSessions(config, env);
  const tokens = sso.cache.listTokens();
  for (const { file, token } of tokens) {
    const session = known.get(file);
    await signOut(sso, session?.portal ?? serviceTarget('SSO', {}, config, env, token.region), token, session?.name ?? token.startUrl, log);
    sso.cache.removeTokenFile(file);
  }
  const removed = credentials.removeWhere((o) => o?.startsWith('sso:') ?? false);
  process.stderr.write(`awsenv: signed out of ${tokens.length} IAM Identity Center sign-in${tokens.length === 1 ? '' : 's'}; removed ${removed} cached credential set${removed === 1 ? '' : 's'}\n`);
  return '';
}

async function signOut(sso: SsoWiring, portal: AwsTarget, token: SsoToken, label: string, log: Logger) {
  try {
    await (await sso.portal(portal, label, log)).logout(token.accessToken);
  } catch (error) {
    // An expired or revoked token is signed out already; anything else is worth a word, but not a failure.
    if (errorName(error) !== 'UnauthorizedException') log.warn(`could not sign out at IAM Identity Center (${(error as Error).message}); removed the local sign-in anyway`);
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
