import { IniReader, OUTSIDE_SECTION, SPACE, isSpaceAt, lineError, readHeader, type IniNote } from './parseIni';

const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const SEMICOLON = 0x3b;
const BRACKET = 0x5b;

/** One section's header text and where the lines of its headers start; its line number is counted when asked for. */
export class IndexedSection {
  readonly starts: number[] = [];
  private known: number | undefined;
  constructor(
    readonly header: string,
    private readonly index: IniIndex,
  ) {}

  /** The line of its first header. */
  get line(): number {
    return (this.known ??= this.index.lineAt(this.starts[0]));
  }
}

/**
 * Where the sections of INI text are, found by searching the text rather than reading it line by line, so that a
 * file of 20,000 sections costs little more than its decoding. At once, the lines before the first header are checked
 * as parseIni checks them, and every header that is not plain (see PLAIN_HEADERS in identifySection) is found and
 * checked; the plain ones, nearly all, are valid by their shape and searched for when someone asks for a section. An
 * indented '[' is a header only where it does not continue a value, which for that rare line is told from the lines
 * above it.
 */
export class IniIndex {
  /** The headers that are not plain, by header text, in the order parseIni gives sections. */
  readonly others = new Map<string, IndexedSection>();
  private readonly plainAt: RegExp;
  private readonly plainAll: RegExp;

  constructor(
    private readonly text: string,
    private readonly file: string,
    /** The source of a regular expression matching a plain header's text, the '[' and ']' left out. */
    plainHeader: string,
  ) {
    // After the '[': the header up to its ']', which is the last on its line, as readHeader reads it.
    const plain = `(${plainHeader})\\][^\\]\\r\\n]*(?![^\\r\\n])`;
    this.plainAt = new RegExp(`\\[${plain}`, 'y');
    this.plainAll = new RegExp(`\\[${plain}`, 'g');
    checkPreamble(text, file);
    for (const start of this.otherStarts(plain)) this.add(this.others, this.headerAt(start), start);
  }

  /** The line starts of the plain headers whose text is exactly `header`, in order. */
  startsOf(header: string): number[] {
    const starts: number[] = [];
    const needle = `[${header}]`;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      this.plainAt.lastIndex = at;
      if (this.atLineStart(at) && this.plainAt.test(this.text)) starts.push(at);
    }
    return starts;
  }

  /** The section of this header text made of the headers at these line starts. */
  section(header: string, ...starts: number[][]): IndexedSection {
    const section = new IndexedSection(header, this);
    section.starts.push(...[...new Set(starts.flat())].sort((a, b) => a - b));
    return section;
  }

  /** Every section, plain or not, in the order parseIni gives them: for listing names, which needs them all. */
  all(): IndexedSection[] {
    const headers: [start: number, header: string][] = [];
    for (const match of this.text.matchAll(this.plainAll)) if (this.atLineStart(match.index!)) headers.push([match.index!, match[1]]);
    for (const { header, starts } of this.others.values()) for (const start of starts) headers.push([start, header]);
    const sections = new Map<string, IndexedSection>();
    for (const [start, header] of headers.sort((a, b) => a[0] - b[0])) this.add(sections, header, start);
    return [...sections.values()];
  }

  /**
   * A section's keys and notes, read line by line by parseIni's own reader, each of its headers' lines up to the next
   * header. Numbering the lines means counting them from the top of the file, which is done only for a section that
   * has something to say: a note, or an error.
   */
  read(section: IndexedSection): { keys: Map<string, string>; notes: IniNote[] } {
    try {
      const reader = this.readParts(section.starts, () => 0);
      if (!reader.notes.length) return { keys: reader.sections.get(section.header)!.keys, notes: [] };
    } catch {
      // Read again below, with the line numbers the error names.
    }
    const reader = this.readParts(section.starts, (start) => this.lineAt(start));
    return { keys: reader.sections.get(section.header)!.keys, notes: reader.notes };
  }

  /** The number of the line that starts at `start`, CR LF, CR and LF each ending a line as in parseIni. */
  lineAt(start: number): number {
    let line = 1;
    for (let at = this.text.indexOf('\n'); at >= 0 && at < start; at = this.text.indexOf('\n', at + 1)) line++;
    for (let at = this.text.indexOf('\r'); at >= 0 && at < start; at = this.text.indexOf('\r', at + 1)) {
      if (this.text.charCodeAt(at + 1) !== LF) line++;
    }
    return line;
  }

  private readParts(starts: readonly number[], firstLine: (start: number) => number): IniReader {
    const { text } = this;
    const reader = new IniReader(this.file);
    for (const start of starts) {
      for (let at = start, line = firstLine(start); at <= text.length; line++) {
        const end = lineEnd(text, at);
        const raw = text.slice(at, end);
        if (at > start && reader.startsSection(raw)) break;
        reader.read(raw, line);
        at = afterLineEnd(text, end);
      }
      reader.endSection();
    }
    return reader;
  }

  /**
   * The line starts of the headers that are not plain, in order: one search of the text for each '[' that does not
   * start a plain header, or that follows a blank, which may be an indented header. An indented '[' is a header
   * where it does not continue a value, which depends only on the lines since the header above it.
   */
  private *otherStarts(plain: string): Generator<number> {
    const { text } = this;
    let indented = -1;
    for (const match of text.matchAll(new RegExp(`\\[(?:(?<=[${SPACE}]\\[)|(?!${plain}))`, 'g'))) {
      const at = match.index!;
      let start = at;
      while (start > 0 && isSpaceAt(text, start - 1)) start--;
      if (!this.atLineStart(start)) continue;
      if (start < at) {
        const above = Math.max(indented, this.unindentedHeaderBefore(start));
        if (above >= 0 && continuesValue(text, afterLineEnd(text, lineEnd(text, above)), start)) continue;
        indented = start;
      }
      yield start;
    }
  }

  /** The start of the last unindented '[' line before `start`, a header after the preamble; -1 for none. */
  private unindentedHeaderBefore(start: number): number {
    const after = (at: number) => (at < 0 ? -1 : at + 1);
    return Math.max(after(this.text.lastIndexOf('\n[', start)), after(this.text.lastIndexOf('\r[', start)), this.text[0] === '[' ? 0 : -1);
  }

  private headerAt(start: number): string {
    let at = start;
    while (this.text.charCodeAt(at) !== BRACKET) at++;
    const read = readHeader(this.text.slice(at, lineEnd(this.text, at)));
    if ('problem' in read) throw lineError(this.file, this.lineAt(start), read);
    return read.header;
  }

  private add(sections: Map<string, IndexedSection>, header: string, start: number): void {
    let section = sections.get(header);
    if (!section) sections.set(header, (section = new IndexedSection(header, this)));
    section.starts.push(start);
  }

  private atLineStart(at: number): boolean {
    return at === 0 || isLineBreak(this.text.charCodeAt(at - 1));
  }
}

/** The lines before the first header may be blank or comments, as in parseIni: a property there throws. */
function checkPreamble(text: string, file: string): void {
  for (let at = 0, line = 1; at <= text.length; at = afterLineEnd(text, lineEnd(text, at)), line++) {
    const c = text.charCodeAt(firstNonSpace(text, at));
    if (c === BRACKET) return;
    if (!(Number.isNaN(c) || isLineBreak(c) || c === HASH || c === SEMICOLON)) throw lineError(file, line, OUTSIDE_SECTION);
  }
}

/**
 * Whether parseIni reads the line at `to` as a value's continuation: it is indented deeper than the last property
 * line from `from` on (both line starts, no header between them).
 */
function continuesValue(text: string, from: number, to: number): boolean {
  let propertyIndent = -1;
  for (let at = from; at < to; at = afterLineEnd(text, lineEnd(text, at))) {
    const first = firstNonSpace(text, at);
    const c = text.charCodeAt(first);
    if (Number.isNaN(c) || isLineBreak(c) || c === HASH || c === SEMICOLON) continue;
    if (propertyIndent < 0 || first - at <= propertyIndent) propertyIndent = first - at;
  }
  return propertyIndent >= 0 && firstNonSpace(text, to) - to > propertyIndent;
}

const isLineBreak = (c: number) => c === LF || c === CR;

function firstNonSpace(text: string, at: number): number {
  let first = at;
  while (isSpaceAt(text, first)) first++;
  return first;
}

function lineEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** The start of the next line: a CR LF is one line end. */
const afterLineEnd = (text: string, end: number): number => (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1);
