import { configError } from '../core/errors';

/** A line that awsenv reads one way and the AWS CLI or the AWS SDKs another: a warning, never a silent choice. */
export interface IniNote {
  readonly line: number;
  readonly message: string;
}

/** One section of an INI file, under its header's text: a header that comes again adds to the same section. */
export interface IniSection {
  readonly header: string;
  readonly line: number;
  /** Keys lowercased; a sub-property is "parent.name", its name as written. */
  readonly keys: Map<string, string>;
}

// Python's whitespace (str.strip, \S), with which botocore's configparser trims lines and measures indentation.
export const SPACE = '\\t\\v\\f \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');
const LEADING = new RegExp(`^[${SPACE}]*`);
const INLINE_COMMENT = new RegExp(`[${SPACE}][#;]`);
const SPACE_CHAR = new RegExp(`[${SPACE}]`);
/** Whether text[at] is Python's whitespace, the usual characters told without a regular expression (for indexIni). */
export const isSpaceAt = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  return c === 0x20 || ((c < 0x20 || c >= 0x85) && SPACE_CHAR.test(text[at]));
};
/** A line without Python's whitespace at either end, as configparser trims it. */
export const strip = (text: string) => text.replace(EDGES, '');
/** How deep a line is indented, as configparser measures it to tell a continuation from a new property. */
export const indentOf = (raw: string) => LEADING.exec(raw)![0].length;

const REFUSED_BY_AWS_CLI = 'The AWS CLI cannot read this file either.';

interface Property {
  readonly section: IniSection;
  readonly key: string;
  readonly indent: number;
  /** An empty value on the property's own line: the indented lines below are sub-properties, as in `s3 =`. */
  readonly sub: boolean;
  blanks: number;
}

/**
 * INI text → sections, line by line as botocore's configparser reads it for the AWS CLI: comment lines start with
 * `#` or `;`; a line indented deeper than the property above continues its value; `:` delimits like `=`; keys are
 * lowercased; a CR alone ends a line too. Three choices follow the SDKs' shared test suite instead, each with a note
 * for the caller to warn with: a ` #` or ` ;` after a value starts a comment (botocore keeps it in the value); a
 * section or key that comes again is merged, the last value winning (botocore refuses the file); spaces inside a
 * header's brackets are trimmed (botocore keeps them in the name). What botocore refuses throws an AwsenvError
 * naming the file and the line.
 */
export function parseIni(text: string, file: string): { sections: IniSection[]; notes: IniNote[] } {
  const reader = new IniReader(file);
  text.split(/\r\n|\r|\n/).forEach((line, index) => reader.read(line, index + 1));
  return { sections: [...reader.sections.values()], notes: reader.notes };
}

export class IniReader {
  readonly sections = new Map<string, IniSection>();
  readonly notes: IniNote[] = [];
  /** "header\nkey" → the line that first set it, to warn of a key set again. */
  private readonly keyLines = new Map<string, number>();
  private section: IniSection | undefined;
  private property: Property | undefined;

  constructor(private readonly file: string) {}

  read(raw: string, line: number): void {
    const text = strip(raw);
    if (!text) {
      if (this.property) this.property.blanks++;
      return;
    }
    if (text[0] === '#' || text[0] === ';') return;
    const indent = indentOf(raw);
    if (this.property && indent > this.property.indent) return this.continueValue(this.property, text, line);
    this.property = undefined;
    if (text[0] === '[') {
      this.section = this.header(text, line);
    } else if (!this.section) {
      throw lineError(this.file, line, OUTSIDE_SECTION);
    } else {
      this.property = this.readProperty(this.section, text, indent, line);
    }
  }

  /** Ends the value being read, as the next header does: for reading one section's parts without the lines between. */
  endSection(): void {
    this.property = undefined;
  }

  /** Whether read() would take this line as a header: a '[' that does not continue the value above. */
  startsSection(raw: string): boolean {
    const text = strip(raw);
    return text[0] === '[' && !(this.property && indentOf(raw) > this.property.indent);
  }

  private header(text: string, line: number): IniSection {
    const read = readHeader(text);
    if ('problem' in read) throw lineError(this.file, line, read);
    const { header, inner } = read;
    if (header !== inner) {
      this.note(line, `the spaces inside "[${inner}]" are trimmed by awsenv and the AWS SDKs but not by the AWS CLI, which reads another section name; write [${header}]`);
    }
    const seen = this.sections.get(header);
    if (seen) {
      this.note(line, `[${header}] comes again (first on line ${seen.line}): awsenv and the AWS SDKs merge the two, the AWS CLI refuses the file; keep one`);
      return seen;
    }
    const section = { header, line, keys: new Map<string, string>() };
    this.sections.set(header, section);
    return section;
  }

  private readProperty(section: IniSection, text: string, indent: number, line: number): Property {
    // The first '=' or ':', as botocore splits: "role_arn = arn:aws:..." is split at '='.
    const at = text.search(/[=:]/);
    if (at < 0) throw this.fail(line, 'expected "name = value"', REFUSED_BY_AWS_CLI);
    const key = strip(text.slice(0, at)).toLowerCase();
    if (!key) throw this.fail(line, `a property with no name before its "${text[at]}"`, REFUSED_BY_AWS_CLI);
    if (text[at] === ':') {
      // The suite refuses this line and the SDKs' loaders drop it, which can silently drop an mfa_serial: read it.
      this.note(line, `"${key}: …" is read as "${key} = …", as the AWS CLI reads it; the AWS SDKs refuse or skip the line. Write "${key} = …"`);
    }
    let rest = text.slice(at + 1);
    const comment = INLINE_COMMENT.exec(rest);
    if (comment) {
      this.note(line, `the "${comment[0].slice(1)}…" after the value of "${key}" is a comment to awsenv and the AWS SDKs but part of the value to the AWS CLI; put the comment on a line of its own`);
      rest = rest.slice(0, comment.index);
    }
    const value = strip(rest);
    const first = this.keyLines.get(`${section.header}\n${key}`);
    if (first === undefined) this.keyLines.set(`${section.header}\n${key}`, line);
    else this.note(line, `"${key}" is set again in [${section.header}] (first on line ${first}): awsenv and the AWS SDKs take the last value, the AWS CLI refuses the file; keep one`);
    section.keys.set(key, value);
    return { section, key, indent, sub: value === '', blanks: 0 };
  }

  private continueValue(property: Property, text: string, line: number): void {
    const { section, key } = property;
    if (property.sub) {
      // Split at '=' only, and kept as written, as in botocore's nested sections; blank lines between are dropped.
      const at = text.indexOf('=');
      if (at < 0) throw this.fail(line, `expected "name = value" under "${key} ="`, REFUSED_BY_AWS_CLI);
      const name = strip(text.slice(0, at));
      // botocore would keep a sub-property named "", which nothing can ask for; the suite refuses it, and so do we.
      if (!name) throw this.fail(line, `a sub-property of "${key}" with no name`, 'Name it, as in "endpoint_url = …".');
      section.keys.delete(key);
      section.keys.set(`${key}.${name}`, strip(text.slice(at + 1)));
    } else {
      // Blank lines inside a value are kept, as in botocore; those after its last line are not.
      section.keys.set(key, `${section.keys.get(key)}${'\n'.repeat(property.blanks + 1)}${text}`);
    }
    property.blanks = 0;
  }

  private note(line: number, message: string): void {
    this.notes.push({ line, message });
  }

  private fail(line: number, problem: string, hint: string): Error {
    return lineError(this.file, line, { problem, hint });
  }
}

/** What botocore refuses in a line, as the error names it after the file and the line. */
export interface LineProblem {
  readonly problem: string;
  readonly hint: string;
}

export const OUTSIDE_SECTION: LineProblem = { problem: 'a property outside any section', hint: `Put it under a section header such as [profile NAME]. ${REFUSED_BY_AWS_CLI}` };

/** A header's section name, its text inside the brackets trimmed, or what is wrong with it; text is the line from its '['. */
export function readHeader(text: string): { header: string; inner: string } | LineProblem {
  // Up to the last ']', as botocore reads it: whatever follows (a comment) is ignored.
  const end = text.lastIndexOf(']');
  if (end < 0) return { problem: "a section header must end with ']'", hint: REFUSED_BY_AWS_CLI };
  const inner = text.slice(1, end);
  const header = strip(inner);
  if (!header) return { problem: 'a section header with no name', hint: 'Name it, as in [profile NAME].' };
  return { header, inner };
}

export const lineError = (file: string, line: number, { problem, hint }: LineProblem): Error =>
  configError(`${file} line ${line}: ${problem}`, undefined, hint);
