import { decodeSharedFile } from './decodeSharedFile';
import { identifySection, type FileKind } from './identifySection';
import { parseIni, type IniNote, type IniSection } from './parseIni';

type Sections = Map<string, Map<string, string>>;

/** The sections of one shared file by what they name; the credentials file holds only profiles. */
export interface SharedFile {
  readonly profiles: Sections;
  readonly ssoSessions: Sections;
  readonly services: Sections;
}

const BUCKETS = { profile: 'profiles', 'sso-session': 'ssoSessions', services: 'services' } as const;

/**
 * One shared file's bytes → its profiles, sso-sessions and services, with a note for each line the AWS CLI and the
 * AWS SDKs would read differently (see parseIni and identifySection); what neither can read throws.
 */
export function parseSharedFile(bytes: Buffer, kind: FileKind, file: string): { sections: SharedFile; notes: IniNote[] } {
  const { text, bom } = decodeSharedFile(bytes, file);
  const { sections, notes } = parseIni(text, file);
  if (bom) {
    notes.push({ line: 1, message: 'the file starts with a byte-order mark, which awsenv and the AWS SDKs skip but the AWS CLI refuses ("File contains no section headers"); save it as UTF-8 without one' });
  }
  // Python's configparser, and so the AWS CLI, gives the keys of [DEFAULT] to every other section of the same file.
  const defaults = sections.find((s) => s.header === 'DEFAULT');
  if (defaults) {
    const sdks = kind === 'config' ? 'ignore it' : 'read it as a profile named "DEFAULT"';
    notes.push({ line: defaults.line, message: `the keys of [DEFAULT] are given to every section of this file, as the AWS CLI does; the AWS SDKs ${sdks}. Did you mean [default]?` });
  }
  const named = sections.filter((s) => s !== defaults).map((section) => ({ section, id: identifySection(section.header, kind) }));
  // As in the SDKs' suite, [profile default] wins over [default] wherever each is; botocore takes the later one whole.
  const prefixedDefault = named.find(({ id }) => id && 'name' in id && id.type === 'profile' && id.name === 'default' && id.prefixed);
  const shared: SharedFile = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };
  for (const { section, id } of named) {
    if (!id) continue;
    if ('ignored' in id) {
      notes.push({ line: section.line, message: id.ignored });
      continue;
    }
    if (id.note) notes.push({ line: section.line, message: id.note });
    if (kind === 'config' && prefixedDefault && !id.prefixed && id.name === 'default') {
      notes.push({ line: section.line, message: `[default] is ignored: [profile default] (line ${prefixedDefault.section.line}) wins, as in the AWS SDKs, where the AWS CLI takes whichever of the two comes later; keep one` });
      continue;
    }
    mergeInto(shared[BUCKETS[id.type]], id.name, section, defaults);
  }
  return { sections: shared, notes: notes.sort((a, b) => a.line - b.line) };
}

/** Two sections naming the same thing ([profile a] and [profile "a"]) merge key by key, the later winning. */
function mergeInto(bucket: Sections, name: string, section: IniSection, defaults: IniSection | undefined): void {
  const keys = bucket.get(name) ?? new Map(defaults?.keys);
  for (const [key, value] of section.keys) keys.set(key, value);
  bucket.set(name, keys);
}
