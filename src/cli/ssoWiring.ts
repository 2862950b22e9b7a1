import fs from 'node:fs';
import type { SsoSession } from '../chain/types';
import type { AwsTarget } from '../config/endpoints';
import { homeDir, type Env } from '../core/env';
import type { Logger } from '../core/logger';
import { sleep } from '../core/sleep';
import { parseAwsTime } from '../core/time';
import { ssoCacheDir } from '../cache/ssoCacheFiles';
import { ssoCache, type SsoCache, type SsoToken } from '../cache/ssoTokenCache';
import type { PortalApi } from '../aws/portalApi';
import type { LoginOptions } from './command';
import { NO_INTERACTION } from '../interaction/mfaPrompt';

// The SDK adapters, the sign-in services and the sign-in display are imported where they are first used.
const aws = {
  oidc: () => import('../aws/oidcApi'),
  portal: () => import('../aws/portalApi'),
};
const signInModules = () =>
  Promise.all([import('./signInRun'), import('../sso/ssoAccessToken'), import('../interaction/signInDisplay'), import('../interaction/terminal')]);

/** IAM Identity Center, put together for the commands and chains that use it. */
export interface SsoServices {
  readonly cache: SsoCache;
  /** A new sign-in, in the flow that fits the machine (or the one asked for). */
  signIn(session: SsoSession, profile: string, options: LoginOptions): Promise<SsoToken>;
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

export function ssoWiring(env: Env, log: Logger, now: () => Date, timeoutMs: number, interactive = true): SsoServices {
  const cache = ssoCache(ssoCacheDir(homeDir(env)), log);
  const oidc = async (session: SsoSession, profile: string) => (await aws.oidc()).createOidcApi(session.oidc, profile, log, timeoutMs);
  const inContainer = () => fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv');
  const signIn = async (session: SsoSession, profile: string, options: LoginOptions) => {
    const [{ runSignIn }] = await signInModules();
    return runSignIn(session, profile, options, { env, log, now, oidc: await oidc(session, profile), cache, out: stderrStream(), inContainer: inContainer() });
  };
  return {
    cache,
    // `awsenv login` in two shells at once: one sign-in, never two flows interleaved; the one that waited takes the
    // sign-in the other has just made, so one browser tab serves both.
    signIn: async (session, profile, options) => {
      const before = cache.readToken(session)?.accessToken;
      const release = await cache.lock(session, `the IAM Identity Center sign-in to ${session.startUrl}`);
      try {
        const latest = cache.readToken(session);
        if (latest && latest.accessToken !== before && parseAwsTime(latest.expiresAt).getTime() > now().getTime()) {
          log.debug('another awsenv signed in while this one waited for it: using that sign-in');
          return latest;
        }
        return await signIn(session, profile, options);
      } finally {
        release();
      }
    },
    token: async (session, profile, rejected) => {
      const [, { ssoAccessToken }, { announceSignIn }, { terminalAvailable }] = await signInModules();
      return ssoAccessToken(
        session,
        profile,
        {
          cache,
          oidc: () => oidc(session, profile),
          // On a terminal the sign-in happens right here (ssoAccessToken holds the session's lock around it, so
          // parallel shells share it); in a script, or with --non-interactive, it must not wait for a person.
          signIn: interactive && terminalAvailable()
            ? (reason) => {
                announceSignIn(stderrStream(), profile, session.startUrl, reason);
                return signIn(session, profile, { browser: true, useDeviceCode: false });
              }
            : undefined,
          noSignIn: interactive ? undefined : NO_INTERACTION,
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
