import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fs from 'node:fs';
import { configError } from '../errors';
import { sharedFilePaths } from './sharedFilePaths';

export type Section = Readonly<Record<string, string>>;

/** The two shared files merged the way the AWS CLI merges them, split by section type. */
export interface AwsConfig {
  readonly profiles: Readonly<Record<string, Section>>;
  readonly ssoSessions: Readonly<Record<string, Section>>;
  readonly services: Readonly<Record<string, Section>>;
}

export type Env = Readonly<Record<string, string | undefined>>;

// The SDK's loader keys non-profile sections of the config file as "<type>.<name>".
const SECTION_TYPES = { 'sso-session': 'ssoSessions', services: 'services' } as const;


export async function loadConfig(env: Env): Promise<AwsConfig> {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  // The SDK's loader reads a file it cannot open as an empty one; a missing file is fine, an unreadable one is not.
  [configFile, credentialsFile].forEach(checkReadable);
  const files = await loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true });
  return mergeSharedFiles(files.configFile, files.credentialsFile);
}

/** Pure half of loadConfig, so tests can feed it parsed INI data. */
export function mergeSharedFiles(
  configFile: Record<string, Record<string, string | undefined>>,
  credentialsFile: Record<string, Record<string, string | undefined>>,
): AwsConfig {
  const profiles: Record<string, Section> = {};
  const ssoSessions: Record<string, Section> = {};
  const services: Record<string, Section> = {};
  const buckets = { ssoSessions, services };
  for (const [key, values] of Object.entries(configFile)) {
    const dot = key.indexOf('.');
    const type = dot > 0 ? key.slice(0, dot) : '';
    if (type in SECTION_TYPES) {
      buckets[SECTION_TYPES[type as keyof typeof SECTION_TYPES]][key.slice(dot + 1)] = defined(values);
    } else {
      profiles[key] = defined(values);
    }
  }
  // The credentials file wins over the config file, key by key, as in the AWS CLI. Its section names are taken
  // whole there, so the loader's "profile.foo" for a [profile foo] section is the profile "profile foo".
  for (const [key, values] of Object.entries(credentialsFile)) {
    const name = key.startsWith('profile.') ? `profile ${key.slice('profile.'.length)}` : key;
    profiles[name] = { ...profiles[name], ...defined(values) };
  }
  return { profiles, ssoSessions, services };
}

function defined(values: Record<string, string | undefined>): Section {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

function checkReadable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (!fs.statSync(file).isFile()) throw configError(`${file} is not a file`, undefined, 'It should be an INI file of AWS profiles.');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code) throw configError(`cannot read ${file} (${code})`, undefined, 'Check its permissions.');
    throw error;
  }
}
