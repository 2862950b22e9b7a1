import { identifySection, type FileKind } from './identifySection';
import type { IniNote } from './parseIni';

/** What a shared file holds, by section type; the credentials file holds only profiles. */
export type Bucket = 'profiles' | 'ssoSessions' | 'services';

const BUCKETS = { profile: 'profiles', 'sso-session': 'ssoSessions', services: 'services' } as const;

/** A file's sections by the name each gives, S being a section read (parseIni) or only indexed (indexIni). */
export interface GroupedSections<S> {
  /** Each name's sections in file order, to be merged key by key, the later winning. */
  readonly buckets: Record<Bucket, Map<string, S[]>>;
  /** [DEFAULT], whose keys every other section of the file starts from. */
  readonly defaults: S | undefined;
  readonly notes: IniNote[];
}

/**
 * Which profile, sso-session or services name each section of one file gives, by its header alone, with a note for
 * each header the AWS CLI and the AWS SDKs would read differently (see identifySection). The keys are not needed.
 */
export function groupSections<S extends { readonly header: string; readonly line: number }>(sections: readonly S[], kind: FileKind): GroupedSections<S> {
  const notes: IniNote[] = [];
  // Python's configparser, and so the AWS CLI, gives the keys of [DEFAULT] to every other section of the same file.
  const defaults = sections.find((s) => s.header === 'DEFAULT');
  if (defaults) {
    const sdks = kind === 'config' ? 'ignore it' : 'read it as a profile named "DEFAULT"';
    notes.push({ line: defaults.line, message: `the keys of [DEFAULT] are given to every section of this file, as the AWS CLI does; the AWS SDKs ${sdks}. Did you mean [default]?` });
  }
  const named = sections.filter((s) => s !== defaults).map((section) => ({ section, id: identifySection(section.header, kind) }));
  // As in the SDKs' suite, [profile default] wins over [default] wherever each is; botocore takes the later one whole.
  const prefixedDefault = named.find(({ id }) => id && 'name' in id && id.type === 'profile' && id.name === 'default' && id.prefixed);
  const buckets: Record<Bucket, Map<string, S[]>> = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };
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
    const bucket = buckets[BUCKETS[id.type]];
    const same = bucket.get(id.name);
    if (same) same.push(section);
    else bucket.set(id.name, [section]);
  }
  return { buckets, defaults, notes };
}

/** Two sections naming the same thing ([profile a] and [profile "a"]) merge key by key, the later winning. */
export function mergeSections(sections: readonly ReadonlyMap<string, string>[], defaults: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const keys = new Map(defaults);
  for (const section of sections) for (const [key, value] of section) keys.set(key, value);
  return keys;
}

export const byLine = (a: IniNote, b: IniNote): number => a.line - b.line;
