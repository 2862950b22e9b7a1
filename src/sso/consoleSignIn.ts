import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isoSeconds, spokenSeconds } from '../core/time';
import type { LoginToken } from '../cache/loginTokenCache';
import type { SigninApi, TokenAnswer } from '../aws/signinApi';
import { pkcePair } from './pkce';
import { redirectOutcome, type RedirectListener, type RedirectOutcome } from './redirectOutcome';

export const SAME_DEVICE_CLIENT = 'arn:aws:signin:::devtools/same-device';
export const CROSS_DEVICE_CLIENT = 'arn:aws:signin:::devtools/cross-device';

/** What a console sign-in runs with: AWS Sign-In, the person's browser, the listener, the terminal. */
export interface ConsoleSignInDeps {
  readonly signin: SigninApi;
  /** The page to open, said on stderr; `pasteCode` when the person must bring back the code the page shows. */
  show(url: string, waitSeconds: number, pasteCode: boolean): void;
  openBrowser(url: string): Promise<void>;
  listen(port: number, state: string): Promise<RedirectListener>;
  /** The code pasted at the terminal; undefined where there is none. */
  readonly askCode?: (waitMs: number) => Promise<string>;
  newKey(): string;
  now(): Date;
  readonly log: Logger;
}

export interface ConsoleSignInOptions {
  /** 'authCode': the browser here comes back to awsenv's listener; 'deviceCode': any browser, and a pasted code. */
  readonly flow: 'authCode' | 'deviceCode';
  readonly port: number;
  readonly waitMs: number;
  /** Written into the file, so that a refresh goes where the sign-in was made whatever the profile later says. */
  readonly region: string;
}

/**
 * `aws login`'s two flows: the authorize page with an S256 challenge and a state, then the code exchanged with the
 * verifier and a DPoP proof by a key made for this sign-in. Same-device takes the code at the loopback listener;
 * cross-device has AWS Sign-In show it (base64 of "state=…&code=…") for the person to paste.
 */
export async function consoleSignIn(profile: string, deps: ConsoleSignInDeps, options: ConsoleSignInOptions): Promise<{ loginSession: string; token: LoginToken }> {
  const { verifier, challenge, state } = pkcePair();
  const crossDevice = options.flow === 'deviceCode';
  if (crossDevice && !deps.askCode) {
    throw new AwsenvError('interaction', 'the sign-in with a pasted code needs a terminal to paste it at', { profile, hint: `Run "awsenv login ${profile}" in a terminal.` });
  }
  const listener = crossDevice ? undefined : await deps.listen(options.port, state);
  try {
    const clientId = crossDevice ? CROSS_DEVICE_CLIENT : SAME_DEVICE_CLIENT;
    const redirectUri = listener ? listener.redirectUri : `${deps.signin.base}/v1/sessions/confirmation`;
    // The AWS CLI's order of parameters.
    const query = { response_type: 'code', client_id: clientId, state, code_challenge_method: 'SHA-256', scope: 'openid', redirect_uri: redirectUri, code_challenge: challenge };
    const url = `${deps.signin.base}/v1/authorize?${Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
    deps.show(url, options.waitMs / 1000, crossDevice);
    await deps.openBrowser(url);
    const outcome = listener ? await listener.outcome(options.waitMs) : pastedOutcome(await deps.askCode!(options.waitMs), state);
    const code = codeOf(outcome, profile, options.waitMs);
    const dpopKey = deps.newKey();
    const answer = await deps.signin.token({ clientId, grantType: 'authorization_code', code, codeVerifier: verifier, redirectUri }, dpopKey);
    return tokenOf(answer, clientId, dpopKey, options.region, deps.now(), profile);
  } finally {
    listener?.close();
  }
}

/** The pasted code, read as the AWS CLI reads it, against this sign-in's state. */
export function pastedOutcome(pasted: string, state: string): RedirectOutcome {
  let text: string;
  try {
    text = Buffer.from(pasted.trim(), 'base64').toString('utf8');
  } catch {
    return { kind: 'noCode' };
  }
  return redirectOutcome(new URLSearchParams(text), state);
}

function codeOf(outcome: RedirectOutcome | undefined, profile: string, waitMs: number): string {
  const fail = (why: string) => new AwsenvError('interaction', `console sign-in failed: ${why}`, { profile, hint: `Run "awsenv login ${profile}" to try again.` });
  if (!outcome) throw fail(`the browser did not come back to awsenv within ${spokenSeconds(waitMs / 1000)}`);
  switch (outcome.kind) {
    case 'code':
      return outcome.code;
    case 'denied':
      throw fail('the sign-in was denied in the browser');
    case 'wrongState':
      throw fail("the code is not this sign-in's (another sign-in's page, or a forged request); nothing was signed in");
    case 'noCode':
      throw fail('no authorization code came back (a pasted code must be pasted whole)');
    case 'refused':
      throw fail(`AWS Sign-In answered ${outcome.error}`);
  }
}

/** The cache file as the AWS CLI writes it after a sign-in, and the session its ID token names. */
function tokenOf(answer: TokenAnswer, clientId: string, dpopKey: string, region: string, now: Date, profile: string): { loginSession: string; token: LoginToken } {
  const loginSession = subjectOf(answer.idToken);
  const accountId = loginSession?.split(':')[4];
  if (!loginSession || !accountId || !/^\d{12}$/.test(accountId)) {
    throw new AwsenvError('unavailable', 'AWS Sign-In answered without the ID token that names the console session', { profile, hint: 'Try again in a moment.' });
  }
  const token: LoginToken = {
    accessToken: { ...answer.accessToken, accountId, expiresAt: isoSeconds(new Date(now.getTime() + answer.expiresIn * 1000)) },
    ...(answer.tokenType && { tokenType: answer.tokenType }),
    clientId,
    refreshToken: answer.refreshToken,
    idToken: answer.idToken,
    dpopKey,
    signInRegion: region,
  };
  return { loginSession, token };
}

/** The ID token's `sub`: its signature is AWS Sign-In's to vouch for, and the token came straight from it over TLS. */
function subjectOf(idToken: string | undefined): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(idToken!.split('.')[1], 'base64url').toString('utf8'));
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
