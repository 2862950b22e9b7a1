import type { SsoStep } from '../../src/chain/types';
import { AwsenvError } from '../../src/core/errors';
import { ssoRoleCredentials } from '../../src/providers/ssoRoleCredentials';
import { fakeProviderDeps, issued, SSO_STEP, type Call } from '../support/fakeProviderDeps';

const step: SsoStep = SSO_STEP;
const roleWith = (accessToken: string): Call => ({ to: 'GetRoleCredentials', accessToken, accountId: '333333333333', roleName: 'Developer' });

describe(ssoRoleCredentials.name, () => {
  test('a token the portal takes gives the role credentials at once', async () => {
    const deps = fakeProviderDeps();

    await expect(ssoRoleCredentials(step, deps)).resolves.toEqual(issued('GetRoleCredentials', 'dev'));
    expect(deps.calls).toEqual([{ to: 'ssoPortal', profile: 'dev' }, { to: 'ssoToken', session: 'corp' }, roleWith('token-1')]);
  });

  // A token signed out elsewhere still looks valid in the cache: the token service must know which one failed.
  test('a refused token is named when the next one is asked for', async () => {
    const deps = fakeProviderDeps({ ssoRefusals: 1 });

    await expect(ssoRoleCredentials(step, deps)).resolves.toEqual(issued('GetRoleCredentials', 'dev'));
    expect(deps.calls).toEqual([
      { to: 'ssoPortal', profile: 'dev' },
      { to: 'ssoToken', session: 'corp' },
      roleWith('token-1'),
      { to: 'ssoToken', session: 'corp', rejected: 'token-1' },
      roleWith('token-2'),
    ]);
  });

  test('two refusals ask the person to sign in again', async () => {
    const deps = fakeProviderDeps({ ssoRefusals: 2 });

    const error = await ssoRoleCredentials(step, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'interaction', profile: 'dev', hint: expect.stringContaining('awsenv login dev') });
    // Two tries, not a loop: every token asked for may mean another sign-in.
    expect(deps.calls.filter((call) => call.to === 'ssoToken')).toHaveLength(2);
  });
});
