import type { SsoSession } from '../chain/types';
import type { AwsTarget } from '../config/endpoints';
import { homeDir, type Env } from '../core/env';
import type { Logger } from '../core/logger';
import { sleep } from '../core/sleep';
import { ssoCacheDir } from '../cache/ssoCacheFiles';
import { ssoCache, type SsoCache, type SsoToken } from '../cache/ssoTokenCache';
import type { PortalApi } from '../aws/portalApi';

// The SDK adapters, the sign-in service and the sign-in display are imported where they are first used.
const aws = {
  oidc: () => import('../aws/oidcApi'),
  portal: () => import('../aws/portalApi'),
};
const signInModules = () => Promise.all([import('../sso/deviceSignIn'), import('../sso/ssoAccessToken'), import('../interaction/signInDisplay'), import('../interaction/openBrowser'), import('../interaction/terminal')]);

/** IAM Identity Center, put together for the commands and chains that use it. */
export interface SsoServices {
  readonly cache: SsoCache;
  /** A new sign-in, in the browser (or only printed, without `browser`). */
  signIn(session: SsoSession, profile: string, options: { browser: boolean }): Promise<SsoToken>;
  /** A valid token: cached, refreshed, or signed in on the terminal when there is one. */
  token(session: SsoSession, profile: string, rejected?: string): Promise<string>;
  portal(target: AwsTarget, profile: string): Promise<PortalApi>;
}

// The sign-in display needs the stream itself (whether it is a terminal, for its spinner); a stderr nobody reads
// any more must not end the run with an 'error' event.
let stderrListened = false;
const stderrStream = () => {
  if (!stderrListened) process.stderr.on('error', () => undefined);
  stderrListened = true;
  return process.stderr;
};

export function ssoWiring(env: Env, log: Logger, now: () => Date, timeoutMs: number): SsoServices {
  const cache = ssoCache(ssoCacheDir(homeDir(env)), log);
  const oidc = async (session: SsoSession, profile: string) => (await aws.oidc()).createOidcApi(session.oidc, profile, log, timeoutMs);
  const signIn = async (session: SsoSession, profile: string, options: { browser: boolean }) => {
    const [{ deviceSignIn }, , { signInDisplay }, { openBrowser }] = await signInModules();
    return deviceSignIn(session, profile, {
      oidc: await oidc(session, profile),
      cache,
      display: signInDisplay(stderrStream(), env),
      openBrowser: (url) => (options.browser ? openBrowser(url, env, log) : Promise.resolve()),
      now,
      sleep,
      log,
    });
  };
  return {
    cache,
    // `awsenv login` in two shells at once: one sign-in after the other, never two device flows interleaved.
    signIn: async (session, profile, options) => {
      const release = await cache.lock(session, `the IAM Identity Center sign-in to ${session.startUrl}`);
      try {
        return await signIn(session, profile, options);
      } finally {
        release();
      }
    },
    token: async (session, profile, rejected) => {
      const [, { ssoAccessToken }, { announceSignIn }, , { terminalAvailable }] = await signInModules();
      return ssoAccessToken(
        session,
        profile,
        {
          cache,
          oidc: () => oidc(session, profile),
          // On a terminal the sign-in happens right here; in a script it must not wait for a person.
          signIn: terminalAvailable()
            ? () => {
                announceSignIn(stderrStream(), profile);
                return signIn(session, profile, { browser: true });
              }
            : undefined,
          now,
          sleep,
          log,
        },
        rejected,
      );
    },
    portal: async (target, profile) => (await aws.portal()).createPortalApi(target, profile, log, timeoutMs),
  };
}
