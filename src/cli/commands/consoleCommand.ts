import { stsTarget } from '../../config/endpoints';
import { parseProfile } from '../../config/profile';
import type { Credentials } from '../../core/credentials';
import { AwsenvError } from '../../core/errors';
import { writeStderr } from '../../core/writeAllSync';
import type { Chain } from '../../chain/types';
import { consoleDestination, consoleHosts } from '../../aws/consoleUrls';
import { FEDERATION_ENDPOINT_VARIABLE, getSigninToken, loginUrl } from '../../aws/federationApi';
import { openBrowser } from '../../interaction/openBrowser';
import type { CommandOf } from '../command';
import { obtainCredentials } from '../obtainPlan';
import type { Wiring } from '../wire';

/**
 * The policy of the federated user that long-term keys sign in as, as aws-vault gives it: a federated user's
 * permissions are the intersection of this policy and the IAM user's own, so allowing everything here gives the
 * console exactly what the user may do. GetFederationToken requires a policy: without one the user could do nothing.
 */
const FEDERATED_USER_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
// The steps whose credentials are a role's session, the only temporary credentials SessionDuration may go with.
const ROLE_STEPS = new Set(['assumeRole', 'sso', 'webIdentity']);

/**
 * `awsenv console [PROFILE]`: the profile's credentials, as an export obtains them, exchanged at the federation
 * endpoint for a sign-in URL that is opened in the browser (or printed with --print). Long-term keys become a
 * federated user's session first, since the endpoint takes temporary credentials only.
 */
export async function consoleCommand({ flags, console: options }: CommandOf<'console'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const { credentials, chain, config } = await obtainCredentials(flags, wiring, (c) => checkChain(c, options.sessionSeconds));
  const region = chain.region;
  const hosts = consoleHosts(region);
  const endpoint = (env[FEDERATION_ENDPOINT_VARIABLE] || hosts.federation).replace(/\/+$/, '');
  const roleSession = ROLE_STEPS.has(chain.steps[chain.steps.length - 1].kind);
  let session: Credentials = credentials;
  if (!credentials.sessionToken) {
    const parsed = parseProfile(config.profiles[chain.profile] ?? {});
    const target = stsTarget(parsed.ok ? parsed.profile : {}, config, env, flags.region);
    log.debug(`long-term keys: GetFederationToken as "${federatedName(chain.profile)}" with a policy allowing what the IAM user may do`);
    const sts = await (await import('../../aws/stsApi')).createStsApi(target, credentials, { profile: chain.profile, signedBy: chain.profile, signerKind: 'keys' }, log, flags.timeoutMs);
    session = await sts.getFederationToken({ Name: federatedName(chain.profile), Policy: FEDERATED_USER_POLICY, DurationSeconds: options.sessionSeconds });
  } else if (options.sessionSeconds !== undefined && !roleSession) {
    // A credential_process that printed a session: what it is shows only now.
    throw notForDuration(chain.profile);
  }
  const sessionDuration = roleSession ? options.sessionSeconds : undefined;
  const token = await getSigninToken(endpoint, session, sessionDuration, chain.profile, log, flags.timeoutMs);
  const url = loginUrl(endpoint, token, consoleDestination(hosts, region, options.service));
  if (options.print) return `${url}\n`;
  writeStderr(`awsenv: opening the AWS console as profile "${chain.profile}" in the browser (if none opens: awsenv console ${chain.profile} --print)\n`);
  await openBrowser(url, env, log);
  return '';
}

/** GetFederationToken's Name: 2 to 32 of its characters, the profile's name as far as it allows. */
function federatedName(profile: string): string {
  const name = profile.replace(/[^\w+=,.@-]/g, '-').slice(0, 32);
  return name.length >= 2 ? name : `awsenv-${name}`;
}

/**
 * What can be refused before any step runs, so before an MFA code is asked for: an MFA session (GetSessionToken's
 * credentials), which the federation endpoint refuses and GetFederationToken cannot be called with; a --duration
 * the credentials cannot have.
 */
function checkChain(chain: Chain, sessionSeconds: number | undefined): void {
  const last = chain.steps[chain.steps.length - 1];
  if (last.kind === 'sessionToken') {
    throw new AwsenvError('config', 'its credentials are an MFA session (GetSessionToken), which cannot sign in to the console', {
      profile: chain.profile,
      hint: `Open the console with a role profile (role_arn with source_profile = ${last.profile}), or with a profile that holds the keys without mfa_serial.`,
    });
  }
  // What a credential_process prints is known only once it has run.
  if (sessionSeconds === undefined || last.kind === 'process') return;
  const keys = last.kind === 'static' && !last.sessionToken;
  if (!keys && !ROLE_STEPS.has(last.kind)) throw notForDuration(chain.profile);
  const [most, words] = keys ? [129600, 'at most 36h for long-term keys (GetFederationToken)'] : [43200, 'at most 12h for a role'];
  if (sessionSeconds > most) throw new AwsenvError('usage', `--duration of a console session is ${words}`, { profile: chain.profile, hint: 'Give a shorter --duration, or none.' });
}

const notForDuration = (profile: string) =>
  new AwsenvError('usage', '--duration sets the console session of a role or of long-term keys, and these credentials are neither', {
    profile,
    hint: 'Leave out --duration: the console session lasts as long as AWS allows for them.',
  });
