import type { SharedFile } from './parseSharedFile';

export type Section = Readonly<Record<string, string>>;

/** The two shared files merged the way the AWS CLI merges them, split by section type. */
export interface AwsConfig {
  readonly profiles: Readonly<Record<string, Section>>;
  readonly ssoSessions: Readonly<Record<string, Section>>;
  readonly services: Readonly<Record<string, Section>>;
}

/** The pure half of loadConfig: the sections of the config and credentials files into one AwsConfig. */
export function mergeSharedFiles(configFile: SharedFile, credentialsFile: SharedFile): AwsConfig {
  // The credentials file wins over the config file, key by key, as in the AWS CLI; it holds nothing but profiles.
  const profiles = new Map(configFile.profiles);
  for (const [name, keys] of credentialsFile.profiles) profiles.set(name, new Map([...(profiles.get(name) ?? []), ...keys]));
  return { profiles: record(profiles), ssoSessions: record(configFile.ssoSessions), services: record(configFile.services) };
}

// Without a prototype, a profile or key named "constructor" or "__proto__" is an entry like any other, and a name
// that is in no file is undefined.
function record(sections: Map<string, Map<string, string>>): Readonly<Record<string, Section>> {
  const result: Record<string, Section> = Object.create(null);
  for (const [name, keys] of sections) result[name] = Object.assign(Object.create(null), Object.fromEntries(keys));
  return result;
}
