import fs from 'node:fs';
import { AwsenvError } from '../core/errors';
import { writeStderr } from '../core/writeAllSync';
import { sharedFilePaths } from '../config/sharedFilePaths';
import { rewriteConfigFile } from '../config/rewriteConfigFile';
import { setProfileKey } from '../config/setProfileKey';
import type { ConsoleSignIn } from '../chain/consoleSignInOf';
import { newDpopKey } from '../aws/dpopProof';
import { consoleSignIn } from '../sso/consoleSignIn';
import { listenOnLoopback } from '../sso/loopbackListener';
import { chooseSignInFlow } from '../sso/signInFlow';
import { openBrowser } from '../interaction/openBrowser';
import { terminalAsker } from '../interaction/terminalQuestion';
import type { LoginOptions } from './command';
import { SIGN_IN_WAIT_MS } from './signInRun';
import type { Wiring } from './wire';

/**
 * `awsenv login` for a console sign-in, as `aws login` signs in: the flow chosen as for IAM Identity Center (a
 * browser here, else a code pasted from any browser), the cache file written where the AWS CLI and the SDKs read
 * it, and login_session (with the region, when asked for or missing) written into the profile.
 */
export async function consoleLogin(target: ConsoleSignIn, options: LoginOptions, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const { profile, signin } = target;
  const inContainer = fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv');
  const choice = chooseSignInFlow({ session: { name: profile }, useDeviceCode: options.useDeviceCode, redirectPort: options.redirectPort, env, platform: process.platform, inContainer });
  log.debug(`console sign-in flow: ${choice.flow}, because ${choice.reason}`);
  writeStderr(`awsenv: signing in to the AWS console session for profile "${profile}" ${choice.flow === 'authCode' ? 'through a browser on this machine' : 'with a code you paste from any browser'}: ${choice.reason}\n`);
  const deps = wiring.providerDeps(profile, undefined);
  const cache = await deps.loginCache();
  const ask = terminalAsker(profile);
  const waitMs = options.waitMs ?? SIGN_IN_WAIT_MS;
  const release = await cache.lock(target.loginSession ?? profile, `the console sign-in of ${profile}`);
  try {
    const { loginSession, token } = await consoleSignIn(
      profile,
      {
        signin: await deps.signin(signin, profile),
        show: (url, seconds, pasteCode) =>
          writeStderr(`awsenv: sign in to AWS in a browser:\n  open ${url}\n  ${pasteCode ? 'then paste the code the page shows here' : `on this machine (awsenv waits ${Math.round(seconds / 60)} minutes for the browser to come back)`}\n`),
        openBrowser: (url) => (options.browser ? openBrowser(url, env, log) : Promise.resolve()),
        listen: (port, state) => listenOnLoopback(port, state, profile),
        ...(ask && { askCode: (ms: number) => withinMs(ms, profile, ask({ name: 'the sign-in code', prompt: 'Enter the authorization code displayed in your browser: ', read: (a) => a || undefined, again: 'Paste the code the page shows.', noAnswer: 'no sign-in code was pasted' })) }),
        newKey: newDpopKey,
        now: wiring.now,
        log,
      },
      { flow: choice.flow, port: options.redirectPort ?? 0, waitMs, region: signin.region },
    );
    cache.write(loginSession, token);
    const file = sharedFilePaths(env).configFile;
    const { backup } = rewriteConfigFile(file, (text) => {
      const withSession = setProfileKey(text, profile, 'login_session', loginSession);
      return target.writeRegion ? setProfileKey(withSession, profile, 'region', signin.region) : withSession;
    });
    const kept = backup ? ` (the previous file is in ${backup})` : '';
    writeStderr(`awsenv: signed in to ${loginSession} until ${token.accessToken.expiresAt} (refreshed as it is used); profile "${profile}" has login_session in ${file}${kept}\n`);
    return '';
  } finally {
    release();
  }
}

/** Bounds the wait for a pasted code as the browser's wait is bounded: nothing waits forever. */
function withinMs<T>(ms: number, profile: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AwsenvError('interaction', `no sign-in code was pasted within ${Math.round(ms / 60000)} minutes`, { profile, hint: `Run "awsenv login ${profile}" to try again.` })), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
