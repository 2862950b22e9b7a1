import fc from 'fast-check';
import { decodeSharedFile } from '../../src/config/decodeSharedFile';
import { AwsenvError } from '../../src/core/errors';

const FILE = '/home/a/.aws/config';
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe(decodeSharedFile.name, () => {
  it.each<[string, Buffer, string]>([
    ['ASCII', bytes('[profile a]\nregion = eu-west-1\n'), '[profile a]\nregion = eu-west-1\n'],
    ['UTF-8 past ASCII', bytes('[profile café]\n# – note\n'), '[profile café]\n# – note\n'],
    ['nothing', bytes(''), ''],
  ])('%s reads as its text', (_name, input, text) => {
    expect(decodeSharedFile(input, FILE)).toEqual({ text, notes: [] });
  });

  it('skips a UTF-8 byte-order mark, with a note on line 1', () => {
    const { text, notes } = decodeSharedFile(bytes([0xef, 0xbb, 0xbf], '[default]\n'), FILE);
    expect(text).toBe('[default]\n');
    expect(notes).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('byte-order mark') })]);
  });

  it.each<[string, Buffer, string]>([
    ['a UTF-16 LE byte-order mark', bytes([0xff, 0xfe], '[\0d\0'), 'line 1: the file is UTF-16'],
    ['a UTF-16 BE byte-order mark', bytes([0xfe, 0xff], '\0[\0d'), 'line 1: the file is UTF-16'],
    ['a NUL byte on line 3, in an ASCII file', bytes('[default]\r\nregion = x\n\0\n'), 'line 3: a NUL byte'],
    ['a byte that is not UTF-8 on line 2', bytes('[default]\nregion = ', [0xe9], '\n'), 'line 2: bytes that are not UTF-8'],
  ])('refuses %s, naming the line', (_name, input, says) => {
    let error: unknown;
    try {
      decodeSharedFile(input, FILE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsenvError);
    expect((error as Error).message).toContain(`${FILE} ${says}`);
  });

  it('reads any text as UTF-8 reads it, ASCII or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '[', ']', '\n', '\r', ' ', '=', 'é', '–', '𝄞') }), (text) => {
        expect(decodeSharedFile(Buffer.from(text, 'utf8'), FILE).text).toBe(text);
      }),
    );
  });
});
