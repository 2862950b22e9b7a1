import type { AwsConfig } from '../config/mergeSharedFiles';
import { isSectionName, portalOf, slug, unusedName } from './ssoSessionChoice';

/** One account and role the sign-in can use. */
export interface RoleOffer {
  readonly accountId: string;
  readonly accountName?: string;
  readonly roleName: string;
}

export interface PlannedProfile {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
  /** A profile of the config already gives this account and role through this start URL (it is `name`). */
  readonly configured: boolean;
  readonly section: string;
}

// Permission set names are [\w+=,.@-]+; anything else would not survive a section header or a shell word.
const roleWord = (roleName: string) => roleName.replace(/[^A-Za-z0-9_+=,.@-]+/g, '-');

/**
 * A profile section for every offer, through the sso-session `session`: named ACCOUNT-ROLE (the account's name
 * made a word), with the account id inserted where that name is taken by another profile; an offer the config
 * already has, through the same start URL under any name, keeps that name.
 */
export function plannedProfiles(offers: readonly RoleOffer[], session: { name: string; startUrl: string }, region: string, config: AwsConfig): PlannedProfile[] {
  const existing = configuredNames(config, session.startUrl);
  const chosen = new Set<string>();
  const taken = (name: string) => chosen.has(name) || name in config.profiles || !isSectionName('profile', name);
  return offers.map(({ accountId, accountName, roleName }) => {
    const have = existing.get(`${accountId}/${roleName}`);
    const account = slug(accountName ?? '') || accountId;
    const name = have ?? [`${account}-${roleWord(roleName)}`, `${account}-${accountId}-${roleWord(roleName)}`].find((n) => !taken(n)) ?? unusedName(`${account}-${accountId}-${roleWord(roleName)}`, taken);
    chosen.add(name);
    const section = [`[profile ${name}]`, `sso_session = ${session.name}`, `sso_account_id = ${accountId}`, `sso_role_name = ${roleName}`, `region = ${region}`, ''].join('\n');
    return { name, accountId, roleName, configured: have !== undefined, section };
  });
}

/** "account/role" → the name of the config's profile that gives it through this start URL, legacy or sso-session. */
function configuredNames(config: AwsConfig, startUrl: string): Map<string, string> {
  const portal = portalOf(startUrl);
  const names = new Map<string, string>();
  for (const [name, p] of Object.entries(config.profiles)) {
    const url = p.sso_session ? config.ssoSessions[p.sso_session.trim()]?.sso_start_url : p.sso_start_url;
    const account = p.sso_account_id?.trim();
    const role = p.sso_role_name?.trim();
    if (url && account && role && portalOf(url) === portal && !names.has(`${account}/${role}`)) names.set(`${account}/${role}`, name);
  }
  return names;
}

/** The config text with sections added at its end, in the file's own line ending; what was there stays byte for byte. */
export function withSections(before: string, sections: readonly string[]): string {
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  const added = sections.join('\n').replace(/\n/g, eol);
  const separator = !before ? '' : before.endsWith('\n') ? eol : eol + eol;
  return `${before}${separator}${added}`;
}
