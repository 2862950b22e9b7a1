import { shellSplit } from '../core/shellSplit';

export type FileKind = 'config' | 'credentials';

export type SectionType = 'profile' | 'sso-session' | 'services';

/** What a section header names, with a note when the AWS CLI and the AWS SDKs would read it differently. */
export type SectionIdentity =
  | { readonly type: SectionType; readonly name: string; readonly prefixed: boolean; readonly note?: string }
  | { readonly type: SectionType; readonly ignored: string };

const TYPES: readonly SectionType[] = ['profile', 'sso-session', 'services'];

// Two words without quotes or backslashes, one space apart, as nearly every header is: their shell words at once,
// which listing the profiles of a config of 20,000 generated ones needs 20,000 times (shellSplit took 16-32 ms for them).
const PLAIN_WORDS = /^([^ \t\r\n'"\\]+) ([^ \t\r\n'"\\]+)$/;

/**
 * The section a header names, by botocore's rules (configloader.build_profile_map), which accept every name the
 * SDKs accept and more. undefined for a section that is none of awsenv's business ([plugins], [preview], …).
 */
export function identifySection(header: string, kind: FileKind): SectionIdentity | undefined {
  // The credentials file takes names whole: its [profile foo] is the profile "profile foo", [two words] is "two words".
  if (kind === 'credentials') return { type: 'profile', name: header, prefixed: false };
  if (header === 'default') return { type: 'profile', name: 'default', prefixed: false };
  const type = TYPES.find((t) => header.startsWith(t));
  if (!type) return undefined;
  // Exactly two shell words: [profile "my name"] is the profile "my name", [profile foo$bar] is "foo$bar".
  const words = PLAIN_WORDS.exec(header)?.slice(1) ?? shellWords(header);
  if (words?.length !== 2) {
    return { type, ignored: `[${header}] is ignored, by the AWS CLI too: it is not "[${type} NAME]" with one name (quote a name that holds spaces)` };
  }
  const [prefix, name] = words;
  if (prefix === type) return { type, name, prefixed: true };
  // botocore checks only how the header starts, so [profilex foo] is the profile "foo" to the AWS CLI.
  return { type, name, prefixed: true, note: `[${header}] is read as [${type} ${name}], as the AWS CLI reads it; the AWS SDKs ignore it. Write [${type} ${name}]` };
}

// Printable ASCII but for quotes, backslashes and ']': one shell word as written, with no edge to trim.
const PLAIN_NAME = '[\\x21\\x23-\\x26\\x28-\\x5b\\x5e-\\x7e]+';

/**
 * The headers that identifySection reads as their text says, without a note, as the source of a regular expression
 * for the text between the brackets: "profile NAME", "sso-session NAME" and "services NAME" in the config file, NAME
 * in the credentials file (but DEFAULT), NAME as PLAIN_NAME. Nearly every header is one; indexIni finds them by
 * searching the text for the one asked for, and identifies only the others when it indexes a file.
 */
export const PLAIN_HEADERS: Record<FileKind, string> = {
  config: `(?:${TYPES.join('|')}) ${PLAIN_NAME}`,
  credentials: `(?!DEFAULT\\])${PLAIN_NAME}`,
};

// With the ']', which the credentials file's pattern needs.
const PLAIN = { config: new RegExp(`^(?:${PLAIN_HEADERS.config})\\]$`), credentials: new RegExp(`^(?:${PLAIN_HEADERS.credentials})\\]$`) };

/** The text of the plain header that would name this section in a file of this kind, if there is one. */
export function plainHeader(type: SectionType, name: string, kind: FileKind): string | undefined {
  const header = kind === 'credentials' ? (type === 'profile' ? name : undefined) : `${type} ${name}`;
  return header !== undefined && PLAIN[kind].test(`${header}]`) ? header : undefined;
}

/** The header's shell words, or undefined where Python's shlex.split raises (an unclosed quote), as botocore skips it. */
function shellWords(header: string): string[] | undefined {
  try {
    return shellSplit(header);
  } catch {
    return undefined;
  }
}
