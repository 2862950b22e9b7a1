import { configError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { writeStderr } from '../../core/writeAllSync';
import { iamTarget } from '../../config/endpoints';
import { loadConfig } from '../../config/loadConfig';
import { hasStaticKeys, parseProfile } from '../../config/profile';
import { rewriteConfigFile } from '../../config/rewriteConfigFile';
import { setProfileKey } from '../../config/setProfileKey';
import { sharedFilePaths } from '../../config/sharedFilePaths';
import { unknownProfile } from '../../chain/unknownProfile';
import { chooseMfaDevice } from '../../interaction/chooseMfaDevice';
import { terminalAsker } from '../../interaction/terminalQuestion';
import type { CommandOf } from '../command';
import { pickProfile } from '../pickProfile';
import type { Wiring } from '../wire';

/**
 * `awsenv mfa setup [PROFILE]`: finds the MFA device of the IAM user whose keys the profile holds and writes its
 * serial into the profile's section of the config file, after a backup. A profile that has an mfa_serial already is
 * left alone unless --force. Prints nothing on stdout.
 */
export async function mfaSetupCommand({ options }: CommandOf<'mfaSetup'>, wiring: Wiring): Promise<string> {
  const { env, log } = wiring;
  const config = loadConfig(env, log);
  const { name, origin } = pickProfile(options.profile, env);
  const section = config.profiles[name];
  if (!section) throw unknownProfile(name, config, env, origin);
  const parsed = parseProfile(section);
  if (!parsed.ok) throw configError(parsed.problem, name);
  const profile = parsed.profile;
  if (profile.mfa_serial && !options.force) {
    writeStderr(`awsenv: profile "${name}" already has mfa_serial = ${profile.mfa_serial}; nothing changed (--force looks the devices up again and replaces it)\n`);
    return '';
  }
  if (!hasStaticKeys(profile)) {
    throw configError('has no access keys of an IAM user (aws_access_key_id, aws_secret_access_key)', name, "mfa setup needs the user's own keys; a role profile takes the mfa_serial of the user its source_profile names.");
  }
  const credentials = { accessKeyId: profile.aws_access_key_id!, secretAccessKey: profile.aws_secret_access_key!, sessionToken: profile.aws_session_token };
  const iam = await wiring.iam(iamTarget(profile, config, env), credentials, name);
  const serial = await chooseMfaDevice(await iam.listOwnMfaDevices(), name, { serial: options.serial, ask: terminalAsker(name) });

  const file = sharedFilePaths(env).configFile;
  const { backup } = rewriteConfigFile(file, (text) => setProfileKey(text, name, 'mfa_serial', serial));
  const kept = backup ? ` (the previous file is in ${backup})` : '';
  writeStderr(`awsenv: profile "${name}": mfa_serial = ${serial} is in ${file}${kept}\n  Next: awsuse ${name} asks for a code from that device once per session.\n`);
  // The credentials file wins key by key: a line there would keep the config file's from taking effect.
  const effective = loadConfig(env, quiet).profiles[name]?.mfa_serial?.trim();
  if (effective !== serial) log.warn(`profile "${name}": ${sharedFilePaths(env).credentialsFile} sets mfa_serial = ${effective} too, and wins: remove that line`);
  return '';
}

const quiet: Logger = { debug: () => undefined, warn: () => undefined, notice: () => undefined };
