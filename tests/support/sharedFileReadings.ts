import type { FileKind } from '../../src/config/identifySection';
import { indexSharedFile } from '../../src/config/indexSharedFile';
import { mergeSharedFiles, type AwsConfig, type Section } from '../../src/config/mergeSharedFiles';
import type { IniNote } from '../../src/config/parseIni';
import { parseSharedFile } from '../../src/config/parseSharedFile';
import type { SharedFileTexts } from './botocore';

type Records = Record<keyof AwsConfig, Record<string, Section>>;

/**
 * What a reading of the two files gives with every section asked for: each record's names in the order Object.keys
 * lists them, the sections as plain objects, the warnings (sorted: a lazy reading gives them as sections are read);
 * or the error.
 */
export type Reading = { readonly names: Record<keyof AwsConfig, string[]>; readonly config: Records; readonly warnings: string[] } | { readonly error: string };

type Read = (bytes: Buffer, kind: FileKind, warn: (notes: IniNote[]) => void) => Parameters<typeof mergeSharedFiles>[0];

/** The files as parseSharedFile reads them, whole. */
export const readWhole = (texts: SharedFileTexts): Reading =>
  reading(texts, (bytes, kind, warn) => {
    const { sections, notes } = parseSharedFile(bytes, kind, kind);
    warn(notes);
    return sections;
  });

const lazily: Read = (bytes, kind, warn) => indexSharedFile(bytes, kind, kind, warn);

/** The files as loadConfig reads them, lazily (indexSharedFile), the names listed first, as `list --long` does. */
export const readListed = (texts: SharedFileTexts): Reading => reading(texts, lazily);

/**
 * The files read lazily as a chain reads them: each section asked for by name, in a reading whose names are not
 * listed (they come from another), since a listing changes how the sections of a name are found.
 */
export const readLazily = (texts: SharedFileTexts): Reading => {
  const listing = readListed(texts);
  return 'error' in listing ? listing : reading(texts, lazily, listing.names);
};

const BUCKETS = ['profiles', 'ssoSessions', 'services'] as const;

function reading(texts: SharedFileTexts, read: Read, names?: Record<keyof AwsConfig, string[]>): Reading {
  const warnings: string[] = [];
  const file = (kind: FileKind) => read(Buffer.from(texts[kind] ?? ''), kind, (notes) => warnings.push(...notes.map(({ line, message }) => `${kind} line ${line}: ${message}`)));
  try {
    const merged = mergeSharedFiles(file('config'), file('credentials'));
    const listed = names ?? (Object.fromEntries(BUCKETS.map((bucket) => [bucket, Object.keys(merged[bucket])])) as Record<keyof AwsConfig, string[]>);
    const config = Object.fromEntries(BUCKETS.map((bucket) => [bucket, Object.fromEntries(listed[bucket].map((name) => [name, { ...merged[bucket][name] }]))])) as Records;
    return { names: listed, config, warnings: warnings.sort() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
