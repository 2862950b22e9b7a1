import fs from 'node:fs';
import path from 'node:path';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import type { FakeSso } from '../fakes/sso';
import { SSO_REGION, START_URL, tokenFile, type SignInForm } from './ssoWorld';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/**
 * A sign-in made the way `aws sso login` makes it (register, authorize, approve, poll), with the SDK's own client and
 * no awsenv at all, turned into the token record the AWS CLI files: the four fields for a legacy profile, plus the
 * registration and the refresh token for an sso-session. Times are left to the caller, who decides how they look.
 */
export async function awsCliSignIn(sso: FakeSso, form: SignInForm): Promise<Record<string, string>> {
  const client = new SSOOIDCClient({ region: SSO_REGION, endpoint: sso.url, maxAttempts: 1 });
  try {
    const session = form.kind === 'sso-session';
    const registration = await client.send(
      new RegisterClientCommand({
        clientName: `botocore-client-${session ? form.cacheKey : 'legacy'}`,
        clientType: 'public',
        // What the AWS CLI sends: the sso-session flow asks for refresh tokens, the legacy one registers bare.
        ...(session && { scopes: ['sso:account:access'], grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'] }),
      }),
    );
    const ids = { clientId: registration.clientId!, clientSecret: registration.clientSecret! };
    const authorization = await client.send(new StartDeviceAuthorizationCommand({ ...ids, startUrl: START_URL }));
    sso.approve(authorization.userCode!);
    const token = await client.send(new CreateTokenCommand({ ...ids, grantType: DEVICE_CODE_GRANT, deviceCode: authorization.deviceCode }));
    const base = { startUrl: START_URL, region: SSO_REGION, accessToken: token.accessToken!, expiresAt: '' };
    if (!session) return base;
    return { ...base, ...ids, registrationExpiresAt: '2030-06-01T00:00:00Z', refreshToken: token.refreshToken! };
  } finally {
    client.destroy();
  }
}

/**
 * Writes the token file as botocore does: json.dumps of the dict (", " and ": " between items), in a 0700
 * directory, the file 0600.
 */
export function writeAwsCliToken(home: string, form: SignInForm, token: Record<string, string>): string {
  const file = tokenFile(home, form.cacheKey);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = `{${Object.entries(token)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')}}`;
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
