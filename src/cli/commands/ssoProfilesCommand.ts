import { writeStderr } from '../../core/writeAllSync';
import type { Env } from '../../core/env';
import { AwsenvError } from '../../core/errors';
import { loadConfig } from '../../config/loadConfig';
import type { AwsConfig } from '../../config/mergeSharedFiles';
import { sharedFilePaths } from '../../config/sharedFilePaths';
import { parseProfile } from '../../config/profile';
import { rewriteConfigFile } from '../../config/rewriteConfigFile';
import { signInSessionOf } from '../../chain/signInSession';
import { ssoEndpoints, ssoSessionOf } from '../../chain/resolveSso';
import { sourceKind } from '../../chain/sourceKind';
import type { SsoSession } from '../../chain/types';
import type { CommandOf, SsoProfilesOptions } from '../command';
import { pickProfile } from '../pickProfile';
import type { SsoServices } from '../ssoWiring';
import { plannedProfiles, withSections, type RoleOffer } from '../ssoProfileSections';
import { ssoProfilesLine } from '../ssoProfilesLine';
import { chooseSsoSession, REGISTRATION_SCOPES, type SessionChoice } from '../ssoSessionChoice';
import { usageError } from '../usageError';
import type { Wiring } from '../wire';

/** Where the listing signs in, and what the written profiles sign in through. */
interface Start {
  /** The sign-in the accounts and roles are listed with. */
  readonly signIn: SsoSession;
  /** The profile named, else the start URL: what the sign-in's messages name. */
  readonly label: string;
  readonly target: SessionChoice;
  readonly region: string;
  /** For --start-url: what does sign in, since `awsenv login` takes a profile, not a start URL. */
  readonly signInHint?: string;
}

/**
 * `awsenv sso profiles`: every account and role the signed-in person can use, as ready-to-paste profile sections
 * that sign in through an [sso-session] (as `aws configure sso` writes them, so tokens refresh silently); with
 * --write, the missing ones (and the sso-session, if new) are added to the config file after a backup.
 */
export async function ssoProfilesCommand({ options }: CommandOf<'ssoProfiles'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  checkWritable(options);
  const config = loadConfig(env, log);
  const start = options.startUrl || options.ssoRegion ? fromStartUrl(options, config, env) : fromProfile(options, config, env);
  const offers = await withSignInHint(start, async () => roleOffers(await wiring.sso(), start));
  const planned = plannedProfiles(offers, start.target, start.region, config);
  const missing = planned.filter((p) => !p.configured);
  const sessionSection = start.target.section && missing.length ? [start.target.section] : [];
  if (!options.write) return [...(start.target.section ? [start.target.section] : []), ...planned.map((p) => p.section)].join('\n');
  const file = sharedFilePaths(env).configFile;
  // A first config: the AWS CLI would make ~/.aws too.
  const { backup } = missing.length ? rewriteConfigFile(file, (text) => withSections(text, [...sessionSection, ...missing.map((p) => p.section)])) : { backup: undefined };
  writeStderr(addedMessage(file, backup, start, sessionSection.length > 0, missing.map((p) => p.name)));
  return '';
}

function addedMessage(file: string, backup: string | undefined, start: Start, sessionAdded: boolean, names: readonly string[]): string {
  const kept = backup ? ` (the previous file is in ${backup})` : '';
  const through = names.length ? `, signing in through ${sessionAdded ? 'the new ' : ''}[sso-session ${start.target.name}]` : '';
  // A legacy profile's sign-in is filed by start URL, so the new session needs one of its own.
  const signIn = sessionAdded && !start.signIn.name ? `\n  Run "awsenv login ${names[0]}" to sign in to it once.` : '';
  return `awsenv: added ${names.length} profile${names.length === 1 ? '' : 's'} to ${file}${kept}${through}${names.map((n) => `\n  ${n}`).join('')}${signIn}\n`;
}

/**
 * The flags' values go into the config file as they are: each must be one plain word of its kind, never text that
 * could end a line and start another (a credential_process, a section of its own).
 */
function checkWritable(options: SsoProfilesOptions): void {
  for (const [flag, value] of [['--region', options.region], ['--sso-region', options.ssoRegion]] as const) {
    if (value !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value)) throw usageError(`${flag} ${JSON.stringify(value)} is not an AWS region, such as eu-west-1`);
  }
  if (options.startUrl !== undefined && !/^https:\/\/[^/\s]+(\/\S*)?$/.test(options.startUrl.trim())) {
    throw usageError(`--start-url ${JSON.stringify(options.startUrl)} is not the https URL of an AWS access portal, such as https://acme.awsapps.com/start`);
  }
  if (options.sessionName !== undefined && !/^[\w.@+=,-]+$/.test(options.sessionName)) throw usageError(`--session-name ${JSON.stringify(options.sessionName)} must be one word (letters, digits, . _ - @ + = ,)`);
}

function fromStartUrl(options: SsoProfilesOptions, config: AwsConfig, env: Env): Start {
  const { startUrl, ssoRegion } = options;
  if (!startUrl) throw usageError('--sso-region goes with --start-url');
  if (options.profile) throw usageError(`give a profile or --start-url, not both (profile "${options.profile}")`);
  if (!/^https:\/\/[^/\s]+/.test(startUrl.trim())) throw usageError(`--start-url ${startUrl} is not the https URL of an AWS access portal, such as https://acme.awsapps.com/start`);
  const target = chooseSsoSession({ startUrl, region: ssoRegion, sessionName: options.sessionName }, config, (changes) =>
    ssoProfilesLine({ ...options, ...('sessionName' in changes && { sessionName: changes.sessionName }), ...(changes.region && { ssoRegion: changes.region }) }),
  );
  // Signed in as the sso-session itself, so the token (and its refresh token) serves the profiles written from it.
  const signIn = target.section
    ? { name: target.name, startUrl: target.startUrl, region: target.region, scopes: [REGISTRATION_SCOPES], ...ssoEndpoints({}, config, env, target.region) }
    : ssoSessionOf(startUrl, { sso_session: target.name }, config, env);
  // A profile that signs in through this session is what `awsenv login` takes; only a terminal can sign in without one.
  const user = Object.keys(config.profiles).find((name) => {
    const parsed = parseProfile(config.profiles[name]);
    return parsed.ok && sourceKind(parsed.profile) === 'sso' && parsed.profile.sso_session === target.name;
  });
  const signInHint = user ? `Run "awsenv login ${user}" first.` : `Run "${ssoProfilesLine({ ...options, ssoRegion: target.region })}" on a terminal: it signs in there first.`;
  return { signIn, label: startUrl, target, region: options.region ?? target.region, signInHint };
}

function fromProfile(options: SsoProfilesOptions, config: AwsConfig, env: Env): Start {
  const { name, origin } = pickProfile(options.profile, env);
  const signIn = signInSessionOf(name, config, env, origin);
  if (signIn.name && options.sessionName) {
    throw usageError(`profile "${name}" signs in through sso-session "${signIn.name}": --session-name is for a start URL or a legacy profile`, `Run "${ssoProfilesLine({ ...options, sessionName: undefined })}".`);
  }
  // The profile's own sso-session; a legacy profile's sign-in becomes one, as `aws configure sso` would write it.
  const target = signIn.name
    ? { name: signIn.name, startUrl: signIn.startUrl, region: signIn.region }
    : chooseSsoSession({ startUrl: signIn.startUrl, region: signIn.region, sessionName: options.sessionName }, config);
  const parsed = parseProfile(config.profiles[name] ?? {});
  return { signIn, label: name, target, region: options.region ?? (parsed.ok ? parsed.profile.region : undefined) ?? target.region };
}

/** Every account and role of the sign-in; a token refused though it looked valid (signed out elsewhere) is replaced once. */
async function roleOffers(sso: SsoServices, { signIn, label }: Start): Promise<RoleOffer[]> {
  const portal = await sso.portal(signIn.portal, label);
  let token = await sso.token(signIn, label);
  let accounts;
  try {
    accounts = await portal.listAccounts(token);
  } catch (error) {
    // The portal's only refusal that a person can mend is of the token, and that is an `interaction` error.
    if (!(error instanceof AwsenvError && error.kind === 'interaction')) throw error;
    token = await sso.token(signIn, label, token);
    accounts = await portal.listAccounts(token);
  }
  const offers: RoleOffer[] = [];
  for (const account of accounts) {
    for (const roleName of await portal.listAccountRoles(token, account.accountId)) offers.push({ accountId: account.accountId, accountName: account.accountName, roleName });
  }
  return offers;
}

/**
 * The sign-in's errors name the label as a profile and hint at `awsenv login LABEL`; for a start URL that is no
 * profile, so they name the start URL and say what does sign in.
 */
async function withSignInHint<T>(start: Start, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!start.signInHint || !(error instanceof AwsenvError) || error.profile !== start.label) throw error;
    const detail = error.detail.includes(start.signIn.startUrl) ? error.detail : `${start.signIn.startUrl}: ${error.detail}`;
    const hint = error.kind === 'interaction' ? start.signInHint : error.hint;
    throw new AwsenvError(error.kind, detail, { ...error.options, profile: undefined, hint });
  }
}
