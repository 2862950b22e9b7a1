import type { TokenAnswer, TokenGrant } from '../../src/aws/signinApi';
import type { LoginCache, LoginToken } from '../../src/cache/loginTokenCache';
import type { LoginStep } from '../../src/chain/types';
import type { AwsTarget } from '../../src/config/endpoints';
import { AwsenvError } from '../../src/core/errors';
import { loginCredentials } from '../../src/providers/loginCredentials';
import { fakeProviderDeps, inSeconds } from '../support/fakeProviderDeps';

const SESSION = 'arn:aws:sts::111111111111:assumed-role/Admin/alice';
const step: LoginStep = { kind: 'login', profile: 'console', loginSession: SESSION, signin: { region: 'eu-west-1' } };

const tokenLasting = (seconds: number, extra: Partial<LoginToken> = {}): LoginToken => ({
  accessToken: { accessKeyId: 'ASIAOLD', secretAccessKey: 's', sessionToken: 't', accountId: '111111111111', expiresAt: inSeconds(seconds).toISOString() },
  clientId: 'arn:aws:signin:::devtools/same-device',
  refreshToken: 'refresh-1',
  dpopKey: 'PEM',
  ...extra,
});

function world(file: LoginToken | undefined, answer: (grant: TokenGrant) => TokenAnswer = () => ({ accessToken: { accessKeyId: 'ASIANEW', secretAccessKey: 's2', sessionToken: 't2' }, expiresIn: 900, refreshToken: 'refresh-2' })) {
  const state = { file, writes: 0, locks: 0, calls: [] as Array<{ target: AwsTarget; grant: TokenGrant }>, onLock: () => {} };
  const cache: LoginCache = {
    read: () => state.file,
    write: (_s, token) => {
      state.writes++;
      state.file = token;
    },
    remove: () => true,
    lock: async () => {
      state.locks++;
      state.onLock();
      return () => {};
    },
  };
  const deps = fakeProviderDeps({
    overrides: {
      loginCache: async () => cache,
      signin: async (target) => ({ base: 'x', token: async (grant) => (state.calls.push({ target, grant }), answer(grant)) }),
    },
  });
  return { state, deps };
}

describe(loginCredentials.name, () => {
  test('credentials that live past the margin come from the file, with no lock and no call', async () => {
    const { state, deps } = world(tokenLasting(800));
    expect((await loginCredentials(step, deps, 600)).accessKeyId).toBe('ASIAOLD');
    expect([state.locks, state.calls.length]).toEqual([0, 0]);
  });

  test('near their end they are refreshed in the sign-in region, and the rotated refresh token is kept', async () => {
    const { state, deps } = world(tokenLasting(300, { signInRegion: 'us-west-2', idToken: 'id' }));
    const credentials = await loginCredentials(step, deps, 600);
    expect(credentials).toEqual({ accessKeyId: 'ASIANEW', secretAccessKey: 's2', sessionToken: 't2', expiration: new Date(Math.floor(inSeconds(900).getTime() / 1000) * 1000) });
    expect(state.calls).toEqual([{ target: { region: 'us-west-2' }, grant: { clientId: 'arn:aws:signin:::devtools/same-device', grantType: 'refresh_token', refreshToken: 'refresh-1' } }]);
    expect(state.file).toMatchObject({ refreshToken: 'refresh-2', signInRegion: 'us-west-2', idToken: 'id', accessToken: { accountId: '111111111111', accessKeyId: 'ASIANEW' } });
  });

  test('without a sign-in region in the file, the profile\'s region', async () => {
    const { state, deps } = world(tokenLasting(30));
    await loginCredentials(step, deps, 60);
    expect(state.calls[0].target).toEqual({ region: 'eu-west-1' });
  });

  test('a refresh another process wrote while this one waited for the lock is used as it is', async () => {
    const { state, deps } = world(tokenLasting(300));
    state.onLock = () => (state.file = tokenLasting(900, { refreshToken: 'by-other' }));
    await loginCredentials(step, deps, 600);
    expect([state.calls.length, state.writes]).toEqual([0, 0]);
  });

  test('a refused refresh token is refused with the way to sign in again', async () => {
    const { deps } = world(tokenLasting(-5), () => {
      throw new AwsenvError('interaction', 'the console sign-in has expired', { profile: 'console', hint: 'Sign in again: awsenv login console' });
    });
    await expect(loginCredentials(step, deps, 600)).rejects.toThrow('the console sign-in has expired');
  });

  test('AWS Sign-In out of reach: the credentials left are used while they last, and refused once expired', async () => {
    const down = () => {
      throw new AwsenvError('unavailable', 'AWS Sign-In cannot be reached', { profile: 'console' });
    };
    expect((await loginCredentials(step, world(tokenLasting(300), down).deps, 600)).accessKeyId).toBe('ASIAOLD');
    await expect(loginCredentials(step, world(tokenLasting(-1), down).deps, 600)).rejects.toThrow('cannot be reached');
  });

  test.each([
    ['no file', undefined, 'there is no cached sign-in'],
    ['a damaged file', 'damaged' as const, 'its cache file cannot be read'],
  ])('%s: sign in first', async (_why, file, message) => {
    const { deps } = world(file as LoginToken | undefined);
    const error = await loginCredentials(step, deps, 600).catch((e: AwsenvError) => e);
    expect(error).toMatchObject({ kind: 'interaction', detail: expect.stringContaining(message), hint: expect.stringContaining('awsenv login console') });
  });
});
