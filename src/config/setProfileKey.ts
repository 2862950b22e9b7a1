import { configError } from '../core/errors';
import { identifySection, plainHeader } from './identifySection';
import { indentOf, readHeader, strip } from './parseIni';

interface Line {
  content: string;
  /** The line end as written: "\r\n", "\n", "\r", or "" for a last line without one. */
  eol: string;
}

/** One header of the profile in the file, and where its lines end. */
interface Occurrence {
  readonly prefixed: boolean;
  /** The last line that belongs to the section: its header, or its last property or continuation. */
  last: number;
  /** The lines of the key's property, its continuations included; the last setting in the section when set again. */
  key?: { start: number; end: number };
}

/**
 * The config file's text with `key = value` set in the profile's section, every other byte as it was: the line
 * that sets the key is replaced (with its continuation lines), else the line is added after the section's last
 * property, else a section is added at the end. The section is found as awsenv and the AWS CLI read the file
 * (identifySection): a header that comes again is the same section, and [profile default] wins over [default].
 */
export function setProfileKey(text: string, profile: string, key: string, value: string): string {
  // A value of more than one line would write lines of its own (a credential_process, a section): callers check
  // values before; this is the last guard.
  if (/[\r\n\0]/.test(value) || /[\r\n\0]/.test(profile)) throw new Error(`refusing to write a value or profile name of more than one line into the config file`);
  // decodeSharedFile skips a byte-order mark; it stays where it is.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const setting = `${key} = ${value}`;
  const found = occurrences(lines, profile, key);
  // As groupSections reads it: with a [profile default] anywhere, [default] is ignored.
  const sections = profile === 'default' && found.some((o) => o.prefixed) ? found.filter((o) => o.prefixed) : found;
  const keyed = sections.filter((o) => o.key).at(-1)?.key;
  if (keyed) {
    const indent = lines[keyed.start].content.slice(0, indentOf(lines[keyed.start].content));
    lines.splice(keyed.start, keyed.end - keyed.start, { content: `${indent}${setting}`, eol: lines[keyed.end - 1].eol });
  } else if (sections.length) {
    const after = sections[sections.length - 1].last;
    const line = lines[after];
    // After a last line without a line end, the new line takes its place as the file's unterminated end.
    lines.splice(after + 1, 0, { content: setting, eol: line.eol });
    line.eol ||= eol;
  } else {
    const last = lines[lines.length - 1];
    // One blank line before the new section, unless the file ends with one already.
    const ending = last.content === '' && lines.length === 1 ? '' : !last.eol ? eol + eol : strip(last.content) ? eol : '';
    return `${bom}${join(lines)}${ending}[${sectionHeader(profile)}]${eol}${setting}${eol}`;
  }
  return bom + join(lines);
}

/** The header text of a new section for the profile, quoted as botocore reads a header when the name needs it. */
function sectionHeader(profile: string): string {
  if (profile === 'default') return 'default';
  const plain = plainHeader('profile', profile, 'config');
  if (plain) return plain;
  if (/["\\\r\n]/.test(profile)) {
    throw configError('has a name that a [profile NAME] header cannot hold', profile, 'Add the section to the config file by hand.');
  }
  return `profile "${profile}"`;
}

/** Every section of the profile, read line by line as parseIni reads them: comments, blanks and continuations. */
function occurrences(lines: readonly Line[], profile: string, key: string): Occurrence[] {
  const found: Occurrence[] = [];
  let current: Occurrence | undefined;
  let propertyIndent: number | undefined;
  let inKey = false;
  lines.forEach(({ content }, index) => {
    const text = strip(content);
    if (!text || text[0] === '#' || text[0] === ';') return;
    const indent = indentOf(content);
    if (propertyIndent !== undefined && indent > propertyIndent) {
      if (current) current.last = index;
      if (current?.key && inKey) current.key.end = index + 1;
      return;
    }
    propertyIndent = undefined;
    inKey = false;
    if (text[0] === '[') {
      current = sectionOf(text, profile, index);
      if (current) found.push(current);
      return;
    }
    propertyIndent = indent;
    if (!current) return;
    current.last = index;
    const at = text.search(/[=:]/);
    if (at > 0 && strip(text.slice(0, at)).toLowerCase() === key) {
      current.key = { start: index, end: index + 1 };
      inKey = true;
    }
  });
  return found;
}

/** The header's section, when it is the profile's. */
function sectionOf(text: string, profile: string, line: number): Occurrence | undefined {
  const read = readHeader(text);
  if ('problem' in read) return undefined;
  const id = identifySection(read.header, 'config');
  return id && 'name' in id && id.type === 'profile' && id.name === profile ? { prefixed: id.prefixed, last: line } : undefined;
}

function splitLines(text: string): Line[] {
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ content: parts[i], eol: parts[i + 1] ?? '' });
  // The empty "line" after a final line end is no line.
  if (lines.length > 1 && lines[lines.length - 1].content === '') lines.pop();
  return lines;
}

const join = (lines: readonly Line[]) => lines.map((l) => l.content + l.eol).join('');
