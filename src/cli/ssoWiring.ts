import { homeDir } from '../config/sharedFilePaths';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SsoSession } from '../chain/types';
import type { Env } from '../config/loadConfig';
import { ssoCache, ssoCacheDir, type SsoCache, type SsoToken } from '../cache/ssoTokenCache';
import type { Logger } from '../providers/deps';
import { createOidcApi, createPortalApi } from '../providers/ssoClients';
import { signIn } from '../providers/ssoSignIn';
import { ssoAccessToken } from '../providers/ssoToken';
import { terminalAvailable } from '../providers/terminal';
import { openBrowser } from './openBrowser';
import { signInDisplay } from './signInDisplay';

export interface SsoWiring {
  cache: SsoCache;
  signIn(session: SsoSession, profile: string, options: { browser: boolean }): Promise<SsoToken>;
  /** For the providers: a valid token, signing in on the terminal when there is one. */
  token(session: SsoSession, requested: string, rejected?: string): Promise<string>;
  portal: typeof createPortalApi;
}

/** The I/O behind IAM Identity Center, put together once per run for the commands that need it. */
export function ssoWiring(env: Env, log: Logger): SsoWiring {
  const cache = ssoCache(ssoCacheDir(homeDir(env)), log);
  const now = () => new Date();
  const signInWith = async (session: SsoSession, profile: string, options: { browser: boolean }) =>
    signIn(session, profile, {
      oidc: await createOidcApi(session.oidc, profile, log),
      cache,
      display: signInDisplay(process.stderr, env),
      openBrowser: (url) => (options.browser ? openBrowser(url, env, log) : Promise.resolve()),
      now,
      sleep: (ms) => sleep(ms),
      log,
    });
  return {
    cache,
    signIn: signInWith,
    token: (session, requested, rejected) =>
      ssoAccessToken(
        session,
        requested,
        {
          cache,
          oidc: () => createOidcApi(session.oidc, requested, log),
          // On a terminal the sign-in happens right here; in a script it must not wait for a person.
          signIn: terminalAvailable()
            ? () => {
                process.stderr.write(`awsenv: profile "${requested}" needs a new IAM Identity Center sign-in\n`);
                return signInWith(session, requested, { browser: true });
              }
            : undefined,
          now,
          log,
        },
        rejected,
      ),
    portal: createPortalApi,
  };
}
