import fs from 'node:fs';
import { writeStderr } from '../../core/writeAllSync';
import { writeFileAtomic, writingFile } from '../../core/atomicWrite';
import type { Env } from '../../core/env';
import { AwsenvError } from '../../core/errors';
import { loadConfig } from '../../config/loadConfig';
import type { AwsConfig } from '../../config/mergeSharedFiles';
import { sharedFilePaths } from '../../config/sharedFilePaths';
import { parseProfile } from '../../config/profile';
import { signInSessionOf } from '../../chain/signInSession';
import { ssoEndpoints } from '../../chain/resolveSso';
import type { SsoSession } from '../../chain/types';
import type { CommandOf, SsoProfilesOptions } from '../command';
import { pickProfile } from '../pickProfile';
import type { Wiring } from '../wire';

interface Suggested {
  name: string;
  accountId: string;
  roleName: string;
  section: string;
}

/**
 * `awsenv sso profiles`: every account and role the signed-in person can use, as ready-to-paste profile sections;
 * with --write, the missing ones are added to the config file after a backup.
 */
export async function ssoProfilesCommand({ options }: CommandOf<'ssoProfiles'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const config = loadConfig(env, log);
  const { session, label, region } = sessionFor(options, config, env);
  const sso = await wiring.sso();
  const token = await sso.token(session, label);
  const portal = await sso.portal(session.portal, label);
  const suggested: Suggested[] = [];
  for (const account of await portal.listAccounts(token)) {
    for (const roleName of await portal.listAccountRoles(token, account.accountId)) {
      const name = `${slug(account.accountName || account.accountId)}-${roleName}`;
      suggested.push({ name, accountId: account.accountId, roleName, section: section(name, session, account.accountId, roleName, region) });
    }
  }
  if (!options.write) return suggested.map((s) => s.section).join('\n');
  const missing = suggested.filter((s) => !config.profiles[s.name] && !alreadyConfigured(config, session, s));
  const file = sharedFilePaths(env).configFile;
  if (missing.length) {
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (before) writingFile(`${file}.awsenv-backup`, () => fs.writeFileSync(`${file}.awsenv-backup`, before, { mode: 0o600 }));
    const separator = before && !before.endsWith('\n') ? '\n\n' : before ? '\n' : '';
    writingFile(file, () => writeFileAtomic(file, `${before}${separator}${missing.map((s) => s.section).join('\n')}`));
  }
  writeStderr(`awsenv: added ${missing.length} profile${missing.length === 1 ? '' : 's'} to ${file}${missing.length ? ` (the previous file is in ${file}.awsenv-backup)` : ''}${missing.map((s) => `\n  ${s.name}`).join('')}\n`);
  return '';
}

function sessionFor(options: SsoProfilesOptions, config: AwsConfig, env: Env): { session: SsoSession; label: string; region?: string } {
  if (options.startUrl || options.ssoRegion) {
    if (!options.startUrl || !options.ssoRegion) throw new AwsenvError('usage', '--start-url and --sso-region go together');
    return { session: { startUrl: options.startUrl, region: options.ssoRegion, ...ssoEndpoints({}, config, env, options.ssoRegion) }, label: options.startUrl };
  }
  const { name, origin } = pickProfile(options.profile, env);
  const parsed = parseProfile(config.profiles[name] ?? {});
  return { session: signInSessionOf(name, config, env, origin), label: name, region: parsed.ok ? parsed.profile.region : undefined };
}

function section(name: string, session: SsoSession, accountId: string, roleName: string, region: string | undefined): string {
  const signIn = session.name ? [`sso_session = ${session.name}`] : [`sso_start_url = ${session.startUrl}`, `sso_region = ${session.region}`];
  return [`[profile ${name}]`, ...signIn, `sso_account_id = ${accountId}`, `sso_role_name = ${roleName}`, ...(region ? [`region = ${region}`] : []), ''].join('\n');
}

// A profile for the same account and role through the same sign-in counts as present, whatever its name.
function alreadyConfigured(config: AwsConfig, session: SsoSession, wanted: Suggested): boolean {
  return Object.values(config.profiles).some((p) => {
    const sameSignIn = session.name ? p.sso_session === session.name : p.sso_start_url === session.startUrl;
    return sameSignIn && p.sso_account_id === wanted.accountId && p.sso_role_name === wanted.roleName;
  });
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
