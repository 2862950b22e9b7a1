import fs from 'node:fs';
import { makeHome, runCli } from '../../tests/support/cli';
import { awsCliSignIn, writeAwsCliToken } from '../../tests/support/ssoAwsCliToken';
import { SESSION_CONFIG, SESSION_FORM, startSsoWorld } from '../../tests/support/ssoWorld';
import { CONFIG, CREDENTIALS, startWorld } from '../../tests/support/stsWorld';
import { generatedProfiles } from './generatedProfiles';

/**
 * The profiles every home has: static keys, an MFA session (alice), a role assumed with it (admin), from the IAM-user
 * world; an IAM Identity Center role (dev, permission set AdministratorAccess), from the SSO world.
 */
export const CONFIG_TEXT = `${CONFIG}\n${SESSION_CONFIG}\n[profile static]\nregion = eu-west-1\n`;
export const CREDENTIALS_TEXT = `${CREDENTIALS}\n[static]\naws_access_key_id = AKIASTATIC\naws_secret_access_key = secret\n`;
/** The warm profiles, by what they export. */
export const WARM_PROFILES = [
  ['static', 'static keys'],
  ['alice', 'cached MFA session'],
  ['admin', 'cached role'],
  ['dev', 'cached SSO role'],
] as const;

/** The homes, by how many generated profiles their config holds beside the four (which come last in the file). */
export const CONFIG_SIZES = [
  { label: 'small', generated: 0 },
  { label: '2,000 profiles', generated: 2000 },
  { label: '20,000 profiles', generated: 20000 },
] as const;

export interface WarmHome {
  readonly label: string;
  readonly home: string;
}

export interface WarmHomes {
  readonly homes: readonly WarmHome[];
  /** What the cache keys were made with: the endpoints of the fakes, closed by now, so a cache miss fails the bench. */
  readonly endpoints: Readonly<Record<string, string>>;
  remove(): void;
}

/**
 * One throwaway home per config size, each warmed the way a person's would be: a sign-in written as `aws sso login`
 * writes it, then one awsenv run of each profile against the fake STS and IAM Identity Center, which fills awsenv's
 * cache. The fakes are closed before anything is timed.
 */
export async function warmHomes(): Promise<WarmHomes> {
  // The sign-in below uses the SDK in this process; its notice about Node 20 is not the bench's to print.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const sts = await startWorld();
  const sso = await startSsoWorld();
  const endpoints = { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_SSO: sso.sso.url, AWS_ENDPOINT_URL_SSO_OIDC: sso.sso.url };
  const homes: WarmHome[] = [];
  try {
    const expiresAt = new Date(Date.now() + 8 * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
    const token = { ...(await awsCliSignIn(sso.sso, SESSION_FORM)), expiresAt };
    for (const [i, size] of CONFIG_SIZES.entries()) {
      const generated = size.generated ? `${generatedProfiles(size.generated, SESSION_FORM.cacheKey)}\n` : '';
      const { home } = makeHome({ config: `${generated}${CONFIG_TEXT}`, credentials: CREDENTIALS_TEXT });
      homes.push({ label: size.label, home });
      writeAwsCliToken(home, SESSION_FORM, token);
      // The fake STS takes each MFA code once, as a real device would.
      for (const args of [['alice', '--mfa-code', `12345${i}`], ['admin'], ['dev']]) {
        const result = await runCli(args, { env: { HOME: home, ...endpoints }, timeoutMs: 120000 });
        if (result.code !== 0) throw new Error(`warming ${args[0]} in the ${size.label} home failed (exit ${result.code}): ${result.stderr}`);
      }
    }
  } catch (error) {
    removeAll(homes);
    throw error;
  } finally {
    await Promise.all([sts.close(), sso.close()]);
  }
  return { homes, endpoints, remove: () => removeAll(homes) };
}

const removeAll = (homes: readonly WarmHome[]) => homes.forEach(({ home }) => fs.rmSync(home, { recursive: true, force: true }));
