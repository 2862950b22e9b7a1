import type { SsoSession } from '../chain/types';
import type { Env } from '../core/env';
import type { Logger } from '../core/logger';
import { sleep } from '../core/sleep';
import type { SsoCache, SsoToken } from '../cache/ssoTokenCache';
import type { OidcApi } from '../aws/oidcApi';
import { authCodeSignIn } from '../sso/authCodeSignIn';
import { deviceSignIn } from '../sso/deviceSignIn';
import { listenOnLoopback } from '../sso/loopbackListener';
import type { SignInDeps } from '../sso/signIn';
import { MAX_WAIT_SECONDS } from './loginOptions';
import { chooseSignInFlow, sshTunnelAdvice } from '../sso/signInFlow';
import { openBrowser } from '../interaction/openBrowser';
import { announceFlow, signInDisplay } from '../interaction/signInDisplay';
import type { LoginOptions } from './command';

/** The AWS CLI's bound on the browser flow, and a device code's life: ten minutes. */
export const SIGN_IN_WAIT_MS = MAX_WAIT_SECONDS * 1000;

export interface SignInWorld {
  readonly env: Env;
  readonly log: Logger;
  now(): Date;
  readonly oidc: OidcApi;
  readonly cache: SsoCache;
  readonly out: NodeJS.WriteStream;
  readonly inContainer: boolean;
}

/** One sign-in: the flow chosen and said, then run with the person's browser and this machine's loopback. */
export async function runSignIn(session: SsoSession, profile: string, options: LoginOptions, world: SignInWorld): Promise<SsoToken> {
  const { env, log } = world;
  const choice = chooseSignInFlow({ session, useDeviceCode: options.useDeviceCode, redirectPort: options.redirectPort, env, platform: process.platform, inContainer: world.inContainer });
  log.debug(`sign-in flow: ${choice.flow}, because ${choice.reason}`);
  announceFlow(world.out, choice, choice.overSsh ? sshTunnelAdvice(env, profile) : undefined);
  const deps: SignInDeps = {
    oidc: world.oidc,
    cache: world.cache,
    display: signInDisplay(world.out, env),
    openBrowser: (url) => (options.browser ? openBrowser(url, env, log) : Promise.resolve()),
    listen: (port, state) => listenOnLoopback(port, state, profile),
    now: world.now,
    sleep,
    log,
  };
  const waitMs = options.waitMs ?? SIGN_IN_WAIT_MS;
  return choice.flow === 'authCode' ? authCodeSignIn(session, profile, deps, { port: options.redirectPort ?? 0, waitMs }) : deviceSignIn(session, profile, deps, waitMs);
}
