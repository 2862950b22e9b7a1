import fc from 'fast-check';
import { parseSharedFile } from '../../src/config/parseSharedFile';
import { AwsenvError } from '../../src/core/errors';

// Properties of the config reader over generated files: whatever the bytes, a parse or one clear config error; the
// line ends a file was saved with never change what it means; and profiles written out are read back as written.
// The run counts are in docs/reliability.md; FC_SEED reproduces a run (fast-check prints the seed of a failure).

const FILE = '/home/u/.aws/config';
const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};

const outcome = (bytes: Buffer, kind: 'config' | 'credentials' = 'config') => {
  try {
    const { sections } = parseSharedFile(bytes, kind, FILE);
    return { ok: true as const, profiles: Object.fromEntries([...sections.profiles].map(([name, keys]) => [name, Object.fromEntries(keys)])) };
  } catch (error) {
    return { ok: false as const, error };
  }
};

// Pieces people (and editors, and other tools) put in these files, for files more like real ones than random bytes.
const line = fc.oneof(
  fc.constantFrom('[default]', '[profile dev]', '[profile "two words"]', '[sso-session corp]', '[services s]', '[profile x', '[]', ''),
  fc.constantFrom('region = eu-west-1', 'mfa_serial: arn:aws:iam::1:mfa/a', 's3 =', '  max_concurrent_requests = 10', '# comment', '; comment', 'key = value # tail'),
  fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), fc.constantFrom(' = ', '=', ': ', ' :'), fc.string({ maxLength: 30 })).map(([k, d, v]) => `${k}${d}${v}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const lines = fc.array(line, { maxLength: 40 });

describe(parseSharedFile.name, () => {
  test('any bytes at all: a result, or an AwsenvError of kind config that names the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('config' as const, 'credentials' as const), (bytes, kind) => {
        const result = outcome(Buffer.from(bytes), kind);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(AwsenvError);
          expect((result.error as AwsenvError).kind).toBe('config');
          expect((result.error as AwsenvError).message).toContain(FILE);
        }
      }),
      { numRuns: 3000, ...seed },
    );
  });

  test('files of config-like lines: LF, CRLF and CR-only line ends mean the same', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const [lf, crlf, cr] = ['\n', '\r\n', '\r'].map((end) => outcome(Buffer.from(ls.map((l) => l.replace(/[\r\n]/g, ' ')).join(end), 'utf8')));
        expect(crlf).toEqual(lf);
        expect(cr).toEqual(lf);
      }),
      { numRuns: 2000, ...seed },
    );
  });

  test('profiles written out are read back as written, whatever the line ends and a BOM', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._@%+-]{0,20}$/);
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
    // Values as AWS and people write them: no line breaks, no leading or trailing blanks, no comment marker after a blank.
    const value = fc.stringMatching(/^[A-Za-z0-9/+=:.,@_-][A-Za-z0-9/+=:.,@_ -]{0,40}[A-Za-z0-9/+=:.,@_-]$/).filter((v) => !/\s[#;]/.test(v));
    const profiles = fc.dictionary(name, fc.dictionary(key, value, { maxKeys: 6 }), { maxKeys: 8 });
    fc.assert(
      fc.property(profiles, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (model, end, bom) => {
        const text = Object.entries(model)
          .map(([profile, keys]) => [profile === 'default' ? '[default]' : `[profile ${profile}]`, ...Object.entries(keys).map(([k, v]) => `${k} = ${v}`)].join(end))
          .join(end);
        const result = outcome(Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]));
        expect(result).toEqual({ ok: true, profiles: model });
      }),
      { numRuns: 1000, ...seed },
    );
  });

  test('a file of 20,000 profiles is read whole', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::111111111111:role/r${i}\nsource_profile = base\n`).join('');
    const result = outcome(Buffer.from(text));
    expect(result.ok && Object.keys(result.profiles).length).toBe(20000);
  });
});
