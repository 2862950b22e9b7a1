import type { SsoSession } from '../chain/types';
import type { AwsTarget } from '../config/endpoints';
import { homeDir, type Env } from '../core/env';
import type { Logger } from '../core/logger';
import { credentialCacheDir, fileCache, type CredentialCache } from '../cache/credentialCache';
import { ssoCache, ssoCacheDir, type SsoCache, type SsoToken } from '../cache/ssoTokenCache';
import { DEFAULT_TIMEOUT_MS } from '../aws/clientOptions';
import { metadataCredentials } from '../aws/metadataCredentials';
import { createOidcApi } from '../aws/oidcApi';
import { createPortalApi, type PortalApi } from '../aws/portalApi';
import { createStsApi } from '../aws/stsApi';
import { deviceSignIn } from '../sso/deviceSignIn';
import { ssoAccessToken } from '../sso/ssoAccessToken';
import { mfaCodes } from '../interaction/mfaPrompt';
import { openBrowser } from '../interaction/openBrowser';
import { announceSignIn, signInDisplay } from '../interaction/signInDisplay';
import { terminalAvailable } from '../interaction/terminal';
import type { ProviderDeps } from '../providers/providerDeps';

/** IAM Identity Center, put together for the commands and chains that use it. */
export interface SsoServices {
  readonly cache: SsoCache;
  /** A new sign-in, in the browser (or only printed, without `browser`). */
  signIn(session: SsoSession, profile: string, options: { browser: boolean }): Promise<SsoToken>;
  /** A valid token: cached, refreshed, or signed in on the terminal when there is one. */
  token(session: SsoSession, profile: string, rejected?: string): Promise<string>;
  portal(target: AwsTarget, profile: string): Promise<PortalApi>;
}

/** Every dependency of a run, built in this one place from the real world: files, terminal, SDK clients, clock. */
export interface Wiring {
  readonly env: Env;
  readonly log: Logger;
  now(): Date;
  credentialCache(): CredentialCache;
  /** Built on first use, so that a chain without an SSO step never builds it. */
  sso(): SsoServices;
  /** What the providers run with, for a chain asked for as `requested`, with --mfa-code's value if given. */
  providerDeps(requested: string, mfaCode: string | undefined): ProviderDeps;
}

/** `timeoutMs` bounds each AWS call, retries included (--timeout; commands without the flag get the default). */
export function wire(env: Env, log: Logger, timeoutMs = DEFAULT_TIMEOUT_MS): Wiring {
  const now = () => new Date();
  let sso: SsoServices | undefined;
  const ssoServices = () => (sso ??= ssoWiring(env, log, now, timeoutMs));
  return {
    env,
    log,
    now,
    credentialCache: () => fileCache(credentialCacheDir(env), log),
    sso: ssoServices,
    providerDeps: (requested, mfaCode) => ({
      sts: (target, credentials, who) => createStsApi(target, credentials, who, log, timeoutMs),
      mfaCode: mfaCodes(mfaCode),
      ssoToken: (session, rejected) => ssoServices().token(session, requested, rejected),
      ssoPortal: (session, profile) => ssoServices().portal(session.portal, profile),
      metadataCredentials,
      now,
      log,
      env,
    }),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function ssoWiring(env: Env, log: Logger, now: () => Date, timeoutMs: number): SsoServices {
  const cache = ssoCache(ssoCacheDir(homeDir(env)), log);
  const signIn = async (session: SsoSession, profile: string, options: { browser: boolean }) =>
    deviceSignIn(session, profile, {
      oidc: await createOidcApi(session.oidc, profile, log, timeoutMs),
      cache,
      display: signInDisplay(process.stderr, env),
      openBrowser: (url) => (options.browser ? openBrowser(url, env, log) : Promise.resolve()),
      now,
      sleep: (ms) => sleep(ms),
      log,
    });
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
    token: (session, profile, rejected) =>
      ssoAccessToken(
        session,
        profile,
        {
          cache,
          oidc: () => createOidcApi(session.oidc, profile, log, timeoutMs),
          // On a terminal the sign-in happens right here; in a script it must not wait for a person.
          signIn: terminalAvailable()
            ? () => {
                announceSignIn(process.stderr, profile);
                return signIn(session, profile, { browser: true });
              }
            : undefined,
          now,
          sleep: (ms) => sleep(ms),
          log,
        },
        rejected,
      ),
    portal: (target, profile) => createPortalApi(target, profile, log, timeoutMs),
  };
}
