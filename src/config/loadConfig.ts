import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import path from 'node:path';
import os from 'node:os';

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

export function sharedFilePaths(env: Env): { configFile: string; credentialsFile: string } {
  const home = env.HOME || env.USERPROFILE || os.homedir();
  // Expanded here, against this env's HOME, rather than by the loader against the process's.
  const expand = (file: string) => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials')),
  };
}

export async function loadConfig(env: Env): Promise<AwsConfig> {
  const { configFile, credentialsFile } = sharedFilePaths(env);
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
  // The credentials file wins over the config file, key by key, as in the AWS CLI.
  for (const [name, values] of Object.entries(credentialsFile)) {
    profiles[name] = { ...profiles[name], ...defined(values) };
  }
  return { profiles, ssoSessions, services };
}

function defined(values: Record<string, string | undefined>): Section {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}
