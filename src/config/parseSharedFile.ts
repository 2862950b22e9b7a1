import { decodeSharedFile } from './decodeSharedFile';
import type { FileKind } from './identifySection';
import { byLine, groupSections, mergeSections, type Bucket } from './groupSections';
import { parseIni, type IniNote, type IniSection } from './parseIni';

type Sections = Map<string, Map<string, string>>;

/** The sections of one shared file by what they name; the credentials file holds only profiles. */
export type SharedFile = Readonly<Record<Bucket, Sections>>;

/**
 * One shared file's bytes → its profiles, sso-sessions and services, with a note for each line the AWS CLI and the
 * AWS SDKs would read differently (see parseIni and groupSections); what neither can read throws. It reads every
 * line; loadConfig reads the files lazily (indexSharedFile), and the tests hold that reading to this one.
 */
export function parseSharedFile(bytes: Buffer, kind: FileKind, file: string): { sections: SharedFile; notes: IniNote[] } {
  const decoded = decodeSharedFile(bytes, file);
  const { sections, notes } = parseIni(decoded.text, file);
  const { buckets, defaults, notes: headerNotes } = groupSections(sections, kind);
  const merged = (bucket: Map<string, IniSection[]>): Sections =>
    new Map([...bucket].map(([name, named]) => [name, mergeSections(named.map((s) => s.keys), defaults?.keys)]));
  return {
    sections: { profiles: merged(buckets.profiles), ssoSessions: merged(buckets.ssoSessions), services: merged(buckets.services) },
    notes: [...notes, ...decoded.notes, ...headerNotes].sort(byLine),
  };
}
