/** One section's keys and values, as resolve and the rest read them. */
export type Section = Readonly<Record<string, string>>;

/** Sections by name as one file holds them: a Map of read sections, or a file's index, which reads one when asked. */
export interface SectionSource {
  keys(): Iterable<string>;
  has(name: string): boolean;
  get(name: string): ReadonlyMap<string, string> | undefined;
}

/**
 * The sections any of the sources names, as a record that reads a section from the sources the first time it is
 * asked for (the later source winning key by key) and keeps it. Listing the names (Object.keys, for `list` and the
 * suggestions) reads no section. It has no prototype, so "constructor" names no section and "__proto__" is a name
 * like any other.
 */
export function sectionRecord(sources: readonly SectionSource[]): Readonly<Record<string, Section>> {
  // The sections read so far; showing the record (util.inspect) shows these.
  const read: Record<string, Section> = Object.create(null);
  let names: string[] | undefined;
  const has = (name: string | symbol): name is string => typeof name === 'string' && sources.some((source) => source.has(name));
  const get = (name: string): Section =>
    (read[name] ??= Object.assign(Object.create(null), ...sources.map((source) => Object.fromEntries(source.get(name) ?? []))));
  const all = () => (names ??= listNames(sources));
  return new Proxy(read, {
    get: (_, name) => (has(name) ? get(name) : undefined),
    has: (_, name) => has(name),
    ownKeys: all,
    getOwnPropertyDescriptor: (_, name) => {
      if (!has(name)) return undefined;
      // Object.keys asks for every name's descriptor: a section not read yet is described by its getter, and stays unread.
      return Reflect.getOwnPropertyDescriptor(read, name) ?? { get: () => get(name), enumerable: true, configurable: true };
    },
    // Object.freeze, with which a test sees that nothing writes to the config, needs every section in place.
    preventExtensions: (target) => {
      for (const name of all()) get(name);
      return Reflect.preventExtensions(target);
    },
  });
}

/** Every name once, in the order an object lists its keys, as the record listed them when it was built whole. */
function listNames(sources: readonly SectionSource[]): string[] {
  const names: Record<string, true> = Object.create(null);
  for (const source of sources) for (const name of source.keys()) names[name] = true;
  return Object.keys(names);
}
