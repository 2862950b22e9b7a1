export type Section = Readonly<Record<string, string>>;

/** The two shared files merged the way the AWS CLI merges them, split by section type. */
export interface AwsConfig {
  readonly profiles: Readonly<Record<string, Section>>;
  readonly ssoSessions: Readonly<Record<string, Section>>;
  readonly services: Readonly<Record<string, Section>>;
}

// The SDK's loader keys non-profile sections of the config file as "<type>.<name>".
const SECTION_TYPES = { 'sso-session': 'ssoSessions', services: 'services' } as const;

/** The pure half of loadConfig: parsed INI data of the config and credentials files into one AwsConfig. */
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
