import fs from 'node:fs';
import { runCli } from '../support/cli';
import { chromiumBrowser, chromiumPeer, killChromiums } from '../support/chromium';
import { testWith } from '../support/peers';
import { useSsoWorld } from '../support/ssoHooks';
import { BROWSER_CONFIG, SESSION_FORM, readTokenFile, registrationFiles, tokenFile } from '../support/ssoWorld';

// A real browser: awsenv opens headless Chromium at the fake's authorize page, the page's button is pressed there,
// and Chromium follows the redirect back to awsenv's listener.
const chromium = chromiumPeer();
const browserTest = testWith(chromium);
afterEach(killChromiums);

const oidcActions = (calls: ReadonlyArray<{ service: string; action: string }>) => calls.filter((c) => c.service === 'oidc' && !c.action.includes('favicon')).map((c) => c.action);

describe('awsenv login with Chromium, approved', () => {
  const world = useSsoWorld(() => ({ pressOnLoad: 'approve' }));

  browserTest('Chromium loads the authorize page, comes back to awsenv, and awsenv ends signed in with the AWS CLI\'s files', async () => {
    const { home, env } = world.signedOutHome(BROWSER_CONFIG);
    const result = await runCli(['login', 'dev'], { env: { ...env, BROWSER: chromiumBrowser(chromium.path!, home) }, timeoutMs: 60000 });
    expect(result.stdout).toBe('');
    expect([result.code, result.stderr]).toEqual([0, expect.stringMatching(/awsenv: signed in to \S+ until /)]);
    expect(oidcActions(world.sso.calls)).toEqual(['RegisterClient', 'Authorize', 'AuthorizeDecision', 'CreateToken']);
    const token = readTokenFile(home, SESSION_FORM.cacheKey);
    expect(Object.keys(token).sort()).toEqual([...SESSION_FORM.tokenFields].sort());
    expect(world.sso.accessTokens()).toEqual([token.accessToken]);
    expect(registrationFiles(home, SESSION_FORM.cacheKey)[0]).toMatchObject({ clientId: token.clientId, grantTypes: ['authorization_code', 'refresh_token'] });
  }, 90000);
});

describe('awsenv login with Chromium, denied', () => {
  const world = useSsoWorld(() => ({ pressOnLoad: 'deny' }));

  browserTest('Deny in Chromium: exit 4 naming the profile, no token', async () => {
    const { home, env } = world.signedOutHome(BROWSER_CONFIG);
    const result = await runCli(['login', 'dev'], { env: { ...env, BROWSER: chromiumBrowser(chromium.path!, home) }, timeoutMs: 60000 });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('profile "dev": IAM Identity Center sign-in failed: the sign-in was denied in the browser');
    expect(fs.existsSync(tokenFile(home, SESSION_FORM.cacheKey))).toBe(false);
    expect(oidcActions(world.sso.calls)).toEqual(['RegisterClient', 'Authorize', 'AuthorizeDecision']);
  }, 90000);
});
