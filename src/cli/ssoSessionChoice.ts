import { AwsenvError } from '../core/errors';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { plainHeader } from '../config/identifySection';
import { usageError } from './usageError';

/** The sso-session the written profiles sign in through: one of the config's, or a new one to add to it. */
export interface SessionChoice {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
  /** The [sso-session NAME] section to add, when the config has no session of this start URL. */
  readonly section?: string;
}

export interface WantedSession {
  readonly startUrl: string;
  readonly region?: string;
  readonly sessionName?: string;
}

// What `aws configure sso` registers for: role credentials, and with them a refresh token.
export const REGISTRATION_SCOPES = 'sso:account:access';

/** A start URL as it names a portal: copies from the browser's address bar end in "/" or "#/". */
export const portalOf = (startUrl: string) => startUrl.trim().replace(/#\/?$/, '').replace(/\/+$/, '');

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** https://acme.awsapps.com/start → acme: the name people already call their portal by. */
export function defaultSessionName(startUrl: string): string {
  let host = '';
  try {
    host = new URL(startUrl.trim()).hostname;
  } catch {
    // Not a URL: the fallback below.
  }
  return slug(host.split('.')[0] ?? '') || 'sso';
}

/** The first of base, base-2, base-3, … that `taken` refuses. */
export function unusedName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

/** Whether a name can stand in a section header as it is: the AWS CLI and the SDKs then read the same name. */
export const isSectionName = (type: 'profile' | 'sso-session', name: string) => plainHeader(type, name, 'config') !== undefined;

/**
 * The config's sso-session of this start URL (or of --session-name), else a new one: named --session-name, else
 * after the start URL's subdomain, unused by any other session. `again` gives the corrected command line for hints,
 * where there is one.
 */
export function chooseSsoSession(wanted: WantedSession, config: AwsConfig, again?: (changes: Partial<WantedSession>) => string): SessionChoice {
  const portal = portalOf(wanted.startUrl);
  const sessions = Object.keys(config.ssoSessions).map((name) => {
    const section = config.ssoSessions[name];
    return { name, startUrl: section.sso_start_url?.trim(), region: section.sso_region?.trim() };
  });
  const found = wanted.sessionName ? sessions.find((s) => s.name === wanted.sessionName) : sessions.find((s) => s.startUrl && portalOf(s.startUrl) === portal);
  if (found) {
    if (!found.startUrl || portalOf(found.startUrl) !== portal) {
      throw usageError(`sso-session "${found.name}" of the config signs in to ${found.startUrl ?? 'no start URL'}, not ${wanted.startUrl}`, hint(again?.({ sessionName: undefined }), 'Name another sso-session with --session-name.'));
    }
    if (!found.region) throw new AwsenvError('config', `sso-session "${found.name}" has no sso_region`, { hint: `Add sso_region to [sso-session ${found.name}].` });
    if (wanted.region && wanted.region !== found.region) {
      throw usageError(`sso-session "${found.name}" of ${found.startUrl} signs in in ${found.region}, not ${wanted.region}`, hint(again?.({ region: found.region }), `Make sso_region agree with [sso-session ${found.name}].`));
    }
    return { name: found.name, startUrl: found.startUrl, region: found.region };
  }
  if (!wanted.region) throw usageError('--start-url needs --sso-region (the region of your IAM Identity Center) when no sso-session of the config has that start URL', 'Run "awsenv sso profiles --help" for usage.');
  if (wanted.sessionName && !isSectionName('sso-session', wanted.sessionName)) {
    throw usageError(`--session-name ${JSON.stringify(wanted.sessionName)} cannot name a section: use letters, digits and - _ . @ + = ,`, hint(again?.({ sessionName: undefined }), ''));
  }
  const name = wanted.sessionName ?? unusedName(defaultSessionName(wanted.startUrl), (n) => sessions.some((s) => s.name === n));
  const startUrl = wanted.startUrl.trim();
  const section = [`[sso-session ${name}]`, `sso_start_url = ${startUrl}`, `sso_region = ${wanted.region}`, `sso_registration_scopes = ${REGISTRATION_SCOPES}`, ''].join('\n');
  return { name, startUrl, region: wanted.region, section };
}

const hint = (line: string | undefined, otherwise: string) => (line ? `Run "${line}".` : otherwise || undefined);
