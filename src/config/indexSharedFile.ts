import { decodeSharedFile } from './decodeSharedFile';
import { byLine, groupSections, mergeSections, type Bucket, type GroupedSections } from './groupSections';
import { PLAIN_HEADERS, plainHeader, type FileKind, type SectionType } from './identifySection';
import { IniIndex, type IndexedSection } from './indexIni';
import type { IniNote } from './parseIni';
import type { SectionSource } from './sectionRecord';

const TYPES: Record<Bucket, SectionType> = { profiles: 'profile', ssoSessions: 'sso-session', services: 'services' };

/**
 * One shared file read as parseSharedFile reads it, but lazily: the decoding and the headers at once (a file or a
 * header the AWS CLI cannot read throws here, see IniIndex), a section's lines only when someone asks for that
 * section, so that a config of 20,000 generated profiles costs a profile little more than a small one does. The notes
 * of the file and its headers go to warn at once, a section's when it is read; the lines of a section nobody asks
 * for are never read, and so neither warned of nor refused.
 */
export function indexSharedFile(bytes: Buffer, kind: FileKind, file: string, warn: (notes: IniNote[]) => void): Record<Bucket, SectionSource> {
  const { text, notes } = decodeSharedFile(bytes, file);
  const index = new IniIndex(text, file, PLAIN_HEADERS[kind]);
  const { buckets, defaults, notes: headerNotes } = groupSections(othersOf(index, kind), kind);
  warn([...notes, ...headerNotes].sort(byLine));

  const readAll = (sections: readonly IndexedSection[]) => {
    const read = sections.map((section) => index.read(section));
    warn(read.flatMap((section) => section.notes).sort(byLine));
    return read.map((section) => section.keys);
  };
  let defaultKeys: Map<string, string> | undefined;
  const read = (sections: readonly IndexedSection[]) => {
    if (defaults) defaultKeys ??= readAll([defaults])[0];
    return mergeSections(readAll(sections), defaultKeys);
  };

  /** The sections naming this: the plain headers, found now, with the others that name it, in file order. */
  const sectionsNamed = (bucket: Bucket, name: string): IndexedSection[] => {
    const named = buckets[bucket].get(name) ?? [];
    const header = plainHeader(TYPES[bucket], name, kind);
    const plain = header === undefined ? [] : index.startsOf(header);
    if (!plain.length) return named;
    const same = named.find((section) => section.header === header);
    return [...named.filter((section) => section !== same), index.section(header!, plain, same?.starts ?? [])].sort(byFirstStart);
  };
  // Listing the names needs every header identified, which a warm export never asks for; once listed, each name's
  // sections are known, and no longer searched for (a search per name would take seconds for 20,000 of them).
  let listed: GroupedBuckets | undefined;
  const list = () => (listed ??= groupSections(index.all(), kind).buckets);
  const source = (bucket: Bucket): SectionSource => {
    const found = new Map<string, IndexedSection[]>();
    const named = (name: string) => found.get(name) ?? found.set(name, listed ? (listed[bucket].get(name) ?? []) : sectionsNamed(bucket, name)).get(name)!;
    return {
      keys: () => list()[bucket].keys(),
      has: (name) => named(name).length > 0,
      get: (name) => (named(name).length ? read(named(name)) : undefined),
    };
  };
  return { profiles: source('profiles'), ssoSessions: source('ssoSessions'), services: source('services') };
}

type GroupedBuckets = GroupedSections<IndexedSection>['buckets'];

const byFirstStart = (a: IndexedSection, b: IndexedSection) => a.starts[0] - b.starts[0];

/**
 * The sections that are not plain, for groupSections. It tells [default] from [profile default] wherever each is,
 * so when the config file has a [default], a plain [profile default] joins them.
 */
function othersOf(index: IniIndex, kind: FileKind): IndexedSection[] {
  const others = [...index.others.values()];
  const plain = kind === 'config' && index.others.has('default') ? index.startsOf('profile default') : [];
  if (!plain.length) return others;
  const same = index.others.get('profile default');
  return [...others.filter((section) => section !== same), index.section('profile default', plain, same?.starts ?? [])].sort(byFirstStart);
}
