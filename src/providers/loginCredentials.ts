import type { LoginStep } from '../chain/types';
import type { LoginCache, LoginToken } from '../cache/loginTokenCache';
import { secondsLeft, type Credentials } from '../core/credentials';
import { AwsenvError } from '../core/errors';
import { isoSeconds, parseAwsTime } from '../core/time';
import type { ProviderDeps } from './providerDeps';

/**
 * The credentials of a console sign-in (`aws login`): those in the AWS CLI's cache file while they live long enough
 * for their use, else refreshed with the file's refresh token. The refresh runs under the session's lock and reads
 * the file again first, so of several awsenv at once one calls AWS Sign-In, and a refresh another tool (the AWS CLI,
 * an SDK) has just written is used as it is: refresh tokens are rotated, and a spent one is refused.
 */
export async function loginCredentials(step: LoginStep, deps: ProviderDeps, marginSeconds: number): Promise<Credentials> {
  const cache = await deps.loginCache();
  const serves = (token: LoginToken) => secondsLeft(credentialsOf(token), deps.now()) > marginSeconds;
  const cached = tokenOf(cache, step);
  if (serves(cached)) return credentialsOf(cached);
  const release = await cache.lock(step.loginSession, `refreshing the console sign-in of ${step.profile}`);
  try {
    const latest = tokenOf(cache, step);
    if (serves(latest)) {
      deps.log.debug('the console sign-in was refreshed while this awsenv waited: using that');
      return credentialsOf(latest);
    }
    return credentialsOf(await refreshed(step, latest, cache, deps));
  } finally {
    release();
  }
}

async function refreshed(step: LoginStep, token: LoginToken, cache: LoginCache, deps: ProviderDeps): Promise<LoginToken> {
  // A refresh sent to another region than the sign-in's is refused: the file's region wins over the profile's.
  const region = token.signInRegion || step.signin.region;
  const api = await deps.signin({ ...step.signin, region }, step.profile);
  let answer;
  try {
    answer = await api.token({ clientId: token.clientId, grantType: 'refresh_token', refreshToken: token.refreshToken }, token.dpopKey);
  } catch (error) {
    // A tool that takes no lock may have spent the token and written its successor meanwhile.
    const now = tokenOf(cache, step);
    if (error instanceof AwsenvError && error.kind === 'interaction' && now.refreshToken !== token.refreshToken) return now;
    // As the SDKs do: AWS Sign-In out of reach is no reason to refuse credentials that still work for a while.
    if (error instanceof AwsenvError && error.kind === 'unavailable' && secondsLeft(credentialsOf(token), deps.now()) > 0) {
      deps.log.warn(`could not refresh the console sign-in of "${step.profile}" (${error.detail}): using its credentials until they expire`);
      return token;
    }
    throw error;
  }
  const next: LoginToken = {
    ...token,
    accessToken: {
      ...token.accessToken,
      accessKeyId: answer.accessToken.accessKeyId,
      secretAccessKey: answer.accessToken.secretAccessKey,
      sessionToken: answer.accessToken.sessionToken,
      expiresAt: isoSeconds(new Date(deps.now().getTime() + answer.expiresIn * 1000)),
    },
    refreshToken: answer.refreshToken,
  };
  cache.write(step.loginSession, next);
  deps.log.debug(`refreshed the console sign-in of "${step.profile}" in ${region}`);
  return next;
}

function tokenOf(cache: LoginCache, step: LoginStep): LoginToken {
  const token = cache.read(step.loginSession);
  if (token && token !== 'damaged') return token;
  const what = token ? 'its cache file cannot be read' : 'there is no cached sign-in';
  throw new AwsenvError('interaction', `is not signed in to its console session (${what})`, {
    profile: step.profile,
    hint: `Sign in with: awsenv login ${step.profile} (or aws login --profile ${step.profile}).`,
  });
}

export const credentialsOf = (token: LoginToken): Credentials => ({
  accessKeyId: token.accessToken.accessKeyId,
  secretAccessKey: token.accessToken.secretAccessKey,
  sessionToken: token.accessToken.sessionToken,
  expiration: parseAwsTime(token.accessToken.expiresAt),
});
