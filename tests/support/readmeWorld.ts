import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startFakeFederation, type FakeFederation } from '../fakes/federation';
import { startFakeIam, type FakeIam } from '../fakes/iam';
import { startFakeSignin, type FakeSignin } from '../fakes/signin';
import { startFakeSso, ssoRoleArn, type FakeSso } from '../fakes/sso';
import { startFakeSts, type FakeSts } from '../fakes/sts';
import { makeHome } from './cli';
import { CONSOLE_SESSION, DEPLOY_ROLE } from './loginWorld';
import { SSO_USER } from './ssoWorld';
import { ADMIN_ROLE, ALICE, READONLY_ROLE } from './stsWorld';

/**
 * The README's people and roles, on the fakes: alice's keys, MFA device and roles (the IAM-user world's), a Developer
 * of IAM Identity Center who may switch to prod's admin role, and a console sign-in with a deploy role on it. The
 * fakes approve every sign-in at once, as the person would.
 */
export const PROD_ADMIN_ROLE = 'arn:aws:iam::444444444444:role/admin';
export { ADMIN_ROLE, ALICE, CONSOLE_SESSION, DEPLOY_ROLE, READONLY_ROLE, SSO_USER };

export interface ReadmeWorld {
  sts(): FakeSts;
  sso(): FakeSso;
  signin(): FakeSignin;
  federation(): FakeFederation;
  /** The environment every line runs in: the fakes' endpoints, and a $BROWSER that only records what it was asked to open. */
  envOf(home: string): NodeJS.ProcessEnv;
}

export function useReadmeWorld(): ReadmeWorld {
  let sts: FakeSts;
  let sso: FakeSso;
  let iam: FakeIam;
  let signin: FakeSignin;
  let federation: FakeFederation;
  beforeAll(async () => {
    sts = await startFakeSts({
      users: [ALICE],
      roles: [
        { arn: ADMIN_ROLE, requireMfa: true, maxSessionDuration: 43200 },
        { arn: READONLY_ROLE, requireMfa: true },
        { arn: PROD_ADMIN_ROLE, trustedPrincipals: [ssoRoleArn('111111111111', 'Developer')] },
        { arn: DEPLOY_ROLE, trustedPrincipals: [CONSOLE_SESSION] },
      ],
    });
    sso = await startFakeSso({
      accounts: [
        { accountId: '111111111111', accountName: 'dev', emailAddress: 'dev@example.com', roles: ['AdministratorAccess', 'Developer'] },
        { accountId: '333333333333', accountName: 'prod', emailAddress: 'prod@example.com', roles: ['ReadOnly'] },
      ],
      userName: SSO_USER,
      sts,
      autoApprove: true,
    });
    iam = await startFakeIam({ users: [{ ...ALICE, mfaSerials: [ALICE.mfaSerial] }] });
    signin = await startFakeSignin('eu-west-1', { sts });
    federation = await startFakeFederation(sts);
  }, 20000);
  afterAll(async () => {
    await Promise.all([sts.close(), sso.close(), iam.close(), signin.close(), federation.close()]);
  });
  return {
    sts: () => sts,
    sso: () => sso,
    signin: () => signin,
    federation: () => federation,
    envOf: (home) => ({
      HOME: home,
      PATH: `${path.join(home, 'bin')}:${process.env.PATH}`,
      LC_ALL: 'C.UTF-8',
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_SSO: sso.url,
      AWS_ENDPOINT_URL_SSO_OIDC: sso.url,
      AWS_ENDPOINT_URL_IAM: iam.url,
      AWS_ENDPOINT_URL_SIGNIN: signin.url,
      AWSENV_FEDERATION_ENDPOINT: federation.url,
      BROWSER: path.join(home, 'bin', 'browser'),
    }),
  };
}

// Stand-ins for the tools the README's lines run: each records what it was given, in $HOME.
const STAND_INS: Record<string, string> = {
  terraform: 'env -0 > "$HOME/tool-saw"',
  xclip: 'cat > "$HOME/clipboard"',
  browser: 'printf %s "$1" > "$HOME/browser-opened"',
};

/** A throwaway HOME with the files, awsenv on PATH, and the stand-ins beside it. */
export function readmeHome(files: { config: string; credentials: string }): string {
  const { home, binDir } = makeHome(files);
  for (const [name, body] of Object.entries(STAND_INS)) fs.writeFileSync(path.join(binDir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return home;
}

/** The identity STS gave the credentials of env, after checking the three values are one set it issued. */
export function identityOf(sts: FakeSts, env: Readonly<Record<string, string>>): string | undefined {
  const issued = sts.issued.find((credentials) => credentials.accessKeyId === env.AWS_ACCESS_KEY_ID);
  expect(issued && [issued.secretAccessKey, issued.sessionToken]).toEqual([env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]);
  return issued?.identity.arn;
}

/** The AWS CLI's login cache file of the console sign-in. */
export const loginCacheFile = (home: string) => path.join(home, '.aws', 'login', 'cache', `${createHash('sha256').update(CONSOLE_SESSION).digest('hex')}.json`);

/** What `aws login` (or `awsenv login console`) leaves: the sign-in's cache file. */
export function seedConsoleSignIn(signin: FakeSignin, home: string): void {
  fs.mkdirSync(path.dirname(loginCacheFile(home)), { recursive: true });
  fs.writeFileSync(loginCacheFile(home), JSON.stringify(signin.seedSignIn(CONSOLE_SESSION, { region: 'eu-west-1' })), { mode: 0o600 });
}
