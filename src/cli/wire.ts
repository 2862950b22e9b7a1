import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import { credentialCacheDir, fileCache, type CredentialCache } from '../cache/credentialCache';
import { loginCacheDir } from '../cache/loginCacheFiles';
import { DEFAULT_TIMEOUT_MS } from '../aws/clientOptions';
import { mfaCodes } from '../interaction/mfaPrompt';
import type { ProviderDeps } from '../providers/providerDeps';
import type { AwsTarget } from '../config/endpoints';
import type { Credentials } from '../core/credentials';
import type { IamApi } from '../aws/iamApi';
import type { SsoServices } from './ssoWiring';

export type { SsoServices };

// The SDK adapters and IAM Identity Center are imported where they are first used: a cached run uses none of them,
// and their modules' set-up (schemas, tables) would cost it start-up time.
const aws = {
  sts: () => import('../aws/stsApi'),
  metadata: () => import('../aws/metadataCredentials'),
  iam: () => import('../aws/iamApi'),
  signin: () => import('../aws/signinApi'),
};

/** Every dependency of a run, built in this one place from the real world: files, terminal, SDK clients, clock. */
export interface Wiring {
  readonly env: Env;
  readonly log: Logger;
  now(): Date;
  credentialCache(): CredentialCache;
  /** Built on first use, so that a chain without an SSO step never loads it. */
  sso(): Promise<SsoServices>;
  /** IAM, signed with the profile's keys (`awsenv mfa setup`). */
  iam(target: AwsTarget, credentials: Credentials, profile: string): Promise<IamApi>;
  /** What the providers run with, for a chain asked for as `requested`, with --mfa-code's value if given. */
  providerDeps(requested: string, mfaCode: string | undefined): ProviderDeps;
}

/**
 * `timeoutMs` bounds each AWS call, retries included (--timeout; commands without the flag get the default);
 * `interactive` false (--non-interactive) lets nothing wait for a person.
 */
export function wire(env: Env, log: Logger, timeoutMs = DEFAULT_TIMEOUT_MS, interactive = true): Wiring {
  const now = () => new Date();
  let sso: Promise<SsoServices> | undefined;
  const ssoServices = () => (sso ??= import('./ssoWiring').then((m) => m.ssoWiring(env, log, now, timeoutMs, interactive)));
  return {
    env,
    log,
    now,
    credentialCache: () => fileCache(credentialCacheDir(env), log),
    sso: ssoServices,
    iam: async (target, credentials, profile) => (await aws.iam()).createIamApi(target, credentials, profile, log, timeoutMs),
    providerDeps: (requested, mfaCode) => ({
      sts: async (target, credentials, who) => (await aws.sts()).createStsApi(target, credentials, who, log, timeoutMs),
      mfaCode: mfaCodes(mfaCode, interactive),
      ssoToken: async (session, rejected) => (await ssoServices()).token(session, requested, rejected),
      ssoPortal: async (session, profile) => (await ssoServices()).portal(session.portal, profile),
      metadataCredentials: async (source, profile) => (await aws.metadata()).metadataCredentials(source, profile),
      loginCache: async () => {
        const { loginCache } = await import('../cache/loginTokenCache');
        return loginCache(loginCacheDir(env), log);
      },
      signin: async (target, profile) => (await aws.signin()).createSigninApi(target, profile, log, timeoutMs, now),
      now,
      log,
      env,
    }),
  };
}
