import fc from 'fast-check';
import { PLAIN_HEADERS, type FileKind } from '../../src/config/identifySection';
import { IniIndex } from '../../src/config/indexIni';
import { parseIni } from '../../src/config/parseIni';

// IniIndex finds sections by searching the text where parseIni reads it line by line: asked for every section, it
// must find what parseIni finds, read it as parseIni reads it and refuse what parseIni refuses. FC_SEED reproduces a run.

const FILE = '/home/u/.aws/config';
const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};

interface Outcome {
  readonly sections?: [header: string, keys: Record<string, string>][];
  readonly notes?: string[];
  readonly error?: string;
}

const lineOf = (error: string) => Number(/ line (\d+): /.exec(error)?.[1]);

function whole(text: string): Outcome {
  try {
    const { sections, notes } = parseIni(text, FILE);
    return { sections: sections.map((s) => [s.header, Object.fromEntries(s.keys)]), notes: notes.map((n) => `${n.line}: ${n.message}`).sort() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Every section of the index read, in its order; the error of the index, or the first by line of the reads. */
function indexed(text: string, kind: FileKind): Outcome {
  let index: IniIndex;
  try {
    index = new IniIndex(text, FILE, PLAIN_HEADERS[kind]);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const sections: [string, Record<string, string>][] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  for (const section of index.all()) {
    try {
      const read = index.read(section);
      sections.push([section.header, Object.fromEntries(read.keys)]);
      notes.push(...read.notes.map((n) => `${n.line}: ${n.message}`));
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length) return { error: errors.sort((a, b) => lineOf(a) - lineOf(b))[0] };
  return { sections, notes: notes.sort() };
}

/**
 * The same outcome, but where parseIni stops at a property's error and the index finds a bad header further down:
 * the index checks every header before any section is read.
 */
function expectSame(text: string, kind: FileKind): void {
  const expected = whole(text);
  const actual = indexed(text, kind);
  if (expected.error && actual.error && lineOf(actual.error) > lineOf(expected.error)) {
    expect(actual.error).toMatch(/a section header must end with '\]'|a section header with no name/);
  } else {
    expect(actual).toEqual(expected);
  }
}

// Lines aimed at what the index tells apart by searching: plain headers and the others, headers that are indented
// or continue a value, comments and blanks, Python's whitespace (a no-break space, U+2028, which JavaScript's ^ and
// $ take for a line end), and each line end.
const line = fc.oneof(
  fc.constantFrom('[default]', '[DEFAULT]', '[profile default]', '[profile dev]', '[profile "two words"]', '[ profile dev ]', '[profile dev] # c', '[profile a] # see [docs]'),
  fc.constantFrom('[sso-session corp]', '[services s]', '[plugins]', '[profilex foo]', '[profile x', '[]', '[dev]', '[two words]', '[profile dev]]', '[profile é]'),
  fc.constantFrom('  [profile dev]', '\t[profile b]', '\u00a0[profile nb]', '\u2028[dev]', '  [continued]', '    [deeper]', 'x = a\u2028[dev]'),
  fc.constantFrom('region = eu-west-1', 'mfa_serial: arn:aws:iam::1:mfa/a', 's3 =', '  max_concurrent_requests = 10', '    continued', '  region = us-east-1'),
  fc.constantFrom('# comment', '; comment', '  # indented', 'key = value # tail', '', '   ', 'not a property', '= v', 'region = eu-west-1'),
  fc.string({ maxLength: 20 }),
);
const file = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n', '\r\n', '\r')), { maxLength: 30 }).map((ls) => ls.map(([l, end]) => `${l.replace(/[\r\n]/g, ' ')}${end}`).join(''));

describe(IniIndex.name, () => {
  test.each([
    { name: 'an indented [ under a property continues its value', text: '[profile a]\nx = 1\n  [not a header]\n[profile b]\ny = 2\n' },
    { name: 'an indented [ after a comment and a blank still continues the value', text: '[profile a]\n  x = 1\n# c\n\n    [more]\n  y = 2\n' },
    { name: 'an indented header is one where no value goes on: at the top, or under a header', text: '  [profile a]\nx = 1\n[profile b]\n  [profile c]\ny = 2\n' },
    { name: 'a header indented no deeper than the property above is a header', text: '[profile a]\n  x = 1\n  [profile b]\ny = 2\n' },
    { name: 'CR-only line ends', text: '[profile a]\rx = 1\r\r[profile b]\ry: 2\r' },
    { name: 'a last line without its line end', text: '[profile a]\nx = 1\n[profile b]' },
    { name: 'a repeated header merges, with its notes', text: '[profile a]\nx = 1\n[profile b]\n[profile a]\nx = 2\n' },
    { name: 'a [ inside values and comments', text: '[profile a]\nx = [1]\n# [profile b]\ny = 2 [z]\n' },
  ])('$name', ({ text }) => {
    expectSame(text, 'config');
    expectSame(text, 'credentials');
  });

  test.each([
    { name: 'a property before any header', text: '# c\nregion = eu-west-1\n[profile a]\n' },
    { name: "a header without ']' far below", text: '[profile a]\nx = 1\n\n[profile b\n' },
    { name: 'an empty header', text: '[profile a]\n[ ]\n' },
    { name: 'a property error before a header error', text: '[profile a]\nnot a property\n[profile b\n' },
  ])('refuses as parseIni refuses: $name', ({ text }) => {
    expect(indexed(text, 'config').error).toMatch(/^\/home\/u\/\.aws\/config line \d+: /);
    expectSame(text, 'config');
  });

  test('files of config-like lines: the sections, keys, notes and errors of parseIni', () => {
    fc.assert(
      fc.property(file, fc.constantFrom('config' as const, 'credentials' as const), (text, kind) => expectSame(text, kind)),
      { numRuns: 3000, ...seed },
    );
  });
});
