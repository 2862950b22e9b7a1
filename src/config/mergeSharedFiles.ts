import type { Bucket } from './groupSections';
import { sectionRecord, type Section, type SectionSource } from './sectionRecord';

export type { Section };

/** The two shared files merged the way the AWS CLI merges them, split by section type. */
export interface AwsConfig {
  readonly profiles: Readonly<Record<string, Section>>;
  readonly ssoSessions: Readonly<Record<string, Section>>;
  readonly services: Readonly<Record<string, Section>>;
}

/**
 * The pure half of loadConfig: the sections of the config and credentials files into one AwsConfig. Each section is
 * taken from the files when it is first asked for (see sectionRecord), so a file's index reads only those.
 */
export function mergeSharedFiles(configFile: Record<Bucket, SectionSource>, credentialsFile: Record<Bucket, SectionSource>): AwsConfig {
  // The credentials file wins over the config file, key by key, as in the AWS CLI; it holds nothing but profiles.
  return {
    profiles: sectionRecord([configFile.profiles, credentialsFile.profiles]),
    ssoSessions: sectionRecord([configFile.ssoSessions]),
    services: sectionRecord([configFile.services]),
  };
}
