import { mergeSharedFiles, type AwsConfig, type Section } from '../../src/config/mergeSharedFiles';
import { parseSharedFile } from '../../src/config/parseSharedFile';
import { AwsenvError } from '../../src/core/errors';
import { botocorePeer, botocoreReadings, type BotocoreReading, type SharedFileTexts } from '../support/botocore';
import { testWith } from '../support/peers';
import { readLazily, readListed, readWhole } from '../support/sharedFileReadings';

type Sections = Record<string, Section>;

interface ReadCase extends SharedFileTexts {
  readonly name: string;
  readonly profiles: Sections;
  readonly ssoSessions?: Sections;
  readonly warnings?: readonly RegExp[];
  /** How the AWS CLI reads the files where that is not as awsenv does (what every warning is about). */
  readonly awsCli?: 'refuses' | { readonly profiles: Sections };
}

const ALICE_MFA = 'arn:aws:iam::111111111111:mfa/alice';

/** The files as the AWS CLI reads them, and the few places where awsenv reads them as the SDKs do, with a warning. */
const READ: readonly ReadCase[] = [
  {
    name: 'mfa_serial written with a colon, the issue\'s example: read as the AWS CLI reads it, and a warning that the SDKs do not',
    config: `[profile alice]\nmfa_serial: ${ALICE_MFA}\nregion = eu-west-1\n`,
    profiles: { alice: { mfa_serial: ALICE_MFA, region: 'eu-west-1' } },
    warnings: [/^config line 2: "mfa_serial: …" is read as "mfa_serial = …", as the AWS CLI reads it; the AWS SDKs refuse or skip the line/],
  },
  {
    name: "the first of '=' and ':' delimits: role_arn = arn:aws:… is split at '=', k:v=w at ':'",
    config: '[profile r]\nrole_arn = arn:aws:iam::222222222222:role/admin\nk:v=w\n',
    profiles: { r: { role_arn: 'arn:aws:iam::222222222222:role/admin', k: 'v=w' } },
    warnings: [/^config line 3: "k: …" is read as "k = …"/],
  },
  {
    name: "a ' #' or ' ;' after a value starts a comment, as in the SDKs, with a warning: the AWS CLI keeps it in the value",
    config: '[profile a]\nregion = eu-west-1 # Ireland\noutput = json ; for scripts\nx = value#kept\ny = value;kept\nz = # only a comment\n',
    profiles: { a: { region: 'eu-west-1', output: 'json', x: 'value#kept', y: 'value;kept', z: '' } },
    warnings: [/^config line 2: the "#…" after the value of "region" is a comment/, /^config line 3: the ";…" after the value of "output"/, /^config line 6: the "#…" after the value of "z"/],
    awsCli: { profiles: { a: { region: 'eu-west-1 # Ireland', output: 'json ; for scripts', x: 'value#kept', y: 'value;kept', z: '# only a comment' } } },
  },
  {
    name: 'comment lines start with # or ;, indented or not, and do not end a value',
    config: '# top\n; top\n[profile a]\n  # indented\nx = first\n  ; inside the value\n  second\n',
    profiles: { a: { x: 'first\nsecond' } },
  },
  {
    name: 'a text after a sub-property is part of it for both readers, so no warning',
    config: '[profile a]\nservices = local\n[services local]\nsts =\n  endpoint_url = http://localhost:4566 # local\n',
    profiles: { a: { services: 'local' } },
  },
  {
    name: 'a section or key that comes again is merged, the last value winning (keys in any case), with a warning: the AWS CLI refuses the file',
    config: '[profile a]\nx = 1\nX = 2\n[profile b]\ny = 1\n[profile a]\nz = 3\n',
    profiles: { a: { x: '2', z: '3' }, b: { y: '1' } },
    warnings: [/^config line 3: "x" is set again in \[profile a\] \(first on line 2\)/, /^config line 6: \[profile a\] comes again \(first on line 1\)/],
    awsCli: 'refuses',
  },
  {
    name: '[profile default] wins over [default], as in the SDKs, with a warning: the AWS CLI takes the later one',
    config: '[profile default]\nregion = eu-west-1\n[default]\nregion = us-east-1\noutput = json\n',
    profiles: { default: { region: 'eu-west-1' } },
    warnings: [/^config line 3: \[default\] is ignored: \[profile default\] \(line 1\) wins/],
    awsCli: { profiles: { default: { region: 'us-east-1', output: 'json' } } },
  },
  {
    name: 'a UTF-8 byte-order mark is skipped, with a warning: the AWS CLI refuses the file',
    config: '\ufeff[profile a]\nx = 1\n',
    profiles: { a: { x: '1' } },
    warnings: [/^config line 1: the file starts with a byte-order mark/],
    awsCli: 'refuses',
  },
  { name: 'CRLF line ends', config: '[profile a]\r\nx = 1\r\ny = 2\r\n', profiles: { a: { x: '1', y: '2' } } },
  { name: 'CR-only line ends (classic Mac), which once read as no profiles', config: '[profile a]\rx = 1\r[profile b]\ry = 2\r', profiles: { a: { x: '1' }, b: { y: '2' } } },
  { name: 'mixed line ends', config: '[profile a]\r\nx = 1\ry = 2\nz = 3', profiles: { a: { x: '1', y: '2', z: '3' } } },
  {
    name: 'profile names are shell words: quoted with spaces, with $ or ! (the old loader dropped these)',
    config: '[profile "two words"]\nx = 1\n[profile foo$bar]\ny = 2\n[profile foo!bar]\n',
    profiles: { 'two words': { x: '1' }, foo$bar: { y: '2' }, 'foo!bar': {} },
  },
  {
    name: 'the credentials file takes section names whole: [two words], [profile foo] (the old loader dropped the first)',
    credentials: '[two words]\naws_access_key_id = AKIA1\n[profile foo]\naws_access_key_id = AKIA2\n[default]\naws_access_key_id = AKIA3\n',
    profiles: { 'two words': { aws_access_key_id: 'AKIA1' }, 'profile foo': { aws_access_key_id: 'AKIA2' }, default: { aws_access_key_id: 'AKIA3' } },
  },
  {
    name: 'a header that means a profile but is not "[profile NAME]" is ignored, by the AWS CLI too, with a warning; [plugins] and the like silently',
    config: "[profile in valid]\nx = 1\n[profile it's]\ny = 1\n[profilefoo]\n[plugins]\ncli_legacy_plugin_path = /opt\n",
    profiles: {},
    warnings: [/^config line 1: \[profile in valid\] is ignored, by the AWS CLI too/, /^config line 3: \[profile it's\] is ignored/, /^config line 5: \[profilefoo\] is ignored/],
  },
  {
    name: '[profilex foo] is the profile "foo" to the AWS CLI, which checks only how a header starts: read so, with a warning',
    config: '[profilex foo]\nx = 1\n',
    profiles: { foo: { x: '1' } },
    warnings: [/^config line 1: \[profilex foo\] is read as \[profile foo\], as the AWS CLI reads it; the AWS SDKs ignore it/],
  },
  {
    name: 'spaces inside the brackets are trimmed, as in the SDKs, with a warning: the AWS CLI ignores the section',
    config: '[ profile foo ]\nx = 1\n',
    profiles: { foo: { x: '1' } },
    warnings: [/^config line 1: the spaces inside "\[ profile foo \]" are trimmed/],
    awsCli: { profiles: {} },
  },
  {
    name: 'spaces inside the brackets of the credentials file are trimmed, with a warning: the AWS CLI names the profile with them',
    credentials: '[ foo ]\nx = 1\n',
    profiles: { foo: { x: '1' } },
    warnings: [/^credentials line 1: the spaces inside "\[ foo \]" are trimmed/],
    awsCli: { profiles: { ' foo ': { x: '1' } } },
  },
  {
    name: '[DEFAULT] gives its keys to every section of its file, as Python\'s configparser does for the AWS CLI, with a warning',
    config: '[DEFAULT]\nregion = eu-west-1\n[profile a]\nx = 1\n[profile b]\nregion = us-east-1\n[sso-session s]\nsso_region = us-west-2\n',
    profiles: { a: { region: 'eu-west-1', x: '1' }, b: { region: 'us-east-1' } },
    ssoSessions: { s: { region: 'eu-west-1', sso_region: 'us-west-2' } },
    warnings: [/^config line 1: the keys of \[DEFAULT\] are given to every section of this file, as the AWS CLI does; the AWS SDKs ignore it/],
  },
  {
    name: 'properties may be indented; a line indented deeper than its property continues the value',
    config: '[profile a]\n  x = 1\n  y = 2\n    continued\nz = 3\n',
    profiles: { a: { x: '1', y: '2\ncontinued', z: '3' } },
  },
  { name: 'blank lines inside a continued value are kept, those after it are not', config: '[profile a]\nx = first\n\n  second\n\n\ny = 2\n', profiles: { a: { x: 'first\n\nsecond', y: '2' } } },
  {
    name: 'sub-properties become "parent.name" keys, the name as written; blank lines between them are dropped',
    config: '[profile a]\ns3 =\n  max_concurrent_requests = 10\n\n  Addressing_Style = path\nregion = eu-west-1\nsts =\nempty =\n',
    profiles: { a: { 's3.max_concurrent_requests': '10', 's3.Addressing_Style': 'path', region: 'eu-west-1', sts: '', empty: '' } },
  },
  { name: 'keys are lowercased, section names are not', config: '[profile Dev]\nAWS_Access_Key_ID = AKIA\n', profiles: { Dev: { aws_access_key_id: 'AKIA' } } },
  { name: "what follows a header's ']' is ignored", config: '[profile a] ; the dev account\nx = 1\n[profile b]junk\ny = 2\n', profiles: { a: { x: '1' }, b: { y: '2' } } },
  {
    name: "a header is read up to its last ']', as botocore reads it, so a ']' in its comment loses the section: a warning says so",
    config: '[profile a] # see [docs]\nx = 1\n',
    profiles: {},
    warnings: [/^config line 1: \[profile a\] # see \[docs\] is ignored, by the AWS CLI too/],
  },
  { name: "Python's whitespace is trimmed, a no-break space too", config: '[profile a]\nregion =\u00a0eu-west-1\u00a0\n', profiles: { a: { region: 'eu-west-1' } } },
];

interface ErrorCase extends SharedFileTexts {
  readonly name: string;
  readonly message: string;
  readonly awsCli: 'refuses' | 'reads';
}

const ERRORS: readonly ErrorCase[] = [
  { name: "a header without its ']'", config: '[profile a]\nx = 1\n[profile b\ny = 2\n', message: "config line 3: a section header must end with ']'", awsCli: 'refuses' },
  { name: 'a property before any section', config: 'region = eu-west-1\n[profile a]\n', message: 'config line 1: a property outside any section', awsCli: 'refuses' },
  { name: 'a property before any section of the credentials file', credentials: 'aws_access_key_id = AKIA\n', message: 'credentials line 1: a property outside any section', awsCli: 'refuses' },
  { name: 'an empty header', config: '[profile a]\nx = 1\n[]\n', message: 'config line 3: a section header with no name', awsCli: 'refuses' },
  { name: 'a line with no delimiter', config: '[profile a]\nnot a property\n', message: 'config line 2: expected "name = value"', awsCli: 'refuses' },
  { name: 'a property with no name', config: '[profile a]\n= value\n', message: 'config line 2: a property with no name before its "="', awsCli: 'refuses' },
  { name: 'a sub-property with no delimiter', config: '[profile a]\ns3 =\n  invalid\n', message: 'config line 3: expected "name = value" under "s3 ="', awsCli: 'refuses' },
  { name: 'a sub-property with no name (botocore keeps it as "", the SDKs refuse it)', config: '[profile a]\ns3 =\n  = v\n', message: 'config line 3: a sub-property of "s3" with no name', awsCli: 'reads' },
  { name: 'line numbers with CR-only line ends', config: '[profile a]\rx = 1\r[profile b\r', message: "config line 3: a section header must end with ']'", awsCli: 'refuses' },
  { name: 'bytes that are not UTF-8 (Latin-1)', config: Buffer.from('[profile a]\nx = 1\ny = \xe9t\xe9\n', 'latin1'), message: 'config line 3: bytes that are not UTF-8', awsCli: 'refuses' },
  { name: 'UTF-16 LE with its byte-order mark', config: Buffer.from('\ufeff[profile a]\nx = 1\n', 'utf16le'), message: 'config line 1: the file is UTF-16', awsCli: 'refuses' },
  { name: 'UTF-16 BE with its byte-order mark', config: Buffer.from('\ufeff[profile a]\n', 'utf16le').swap16(), message: 'config line 1: the file is UTF-16', awsCli: 'refuses' },
  { name: 'UTF-16 without a byte-order mark, by its NUL bytes', credentials: Buffer.from('[a]\nx = 1\n', 'utf16le'), message: 'credentials line 1: a NUL byte', awsCli: 'refuses' },
  { name: 'a NUL in a value (botocore keeps it)', config: '[profile a]\nx = 1\ny = a\0b\n', message: 'config line 3: a NUL byte', awsCli: 'reads' },
];

function readFiles(texts: SharedFileTexts): { config: AwsConfig; warnings: string[] } {
  const warnings: string[] = [];
  const parse = (kind: 'config' | 'credentials') => {
    const { sections, notes } = parseSharedFile(Buffer.from(texts[kind] ?? ''), kind, kind);
    warnings.push(...notes.map(({ line, message }) => `${kind} line ${line}: ${message}`));
    return sections;
  };
  return { config: mergeSharedFiles(parse('config'), parse('credentials')), warnings };
}

describe(parseSharedFile.name, () => {
  test.each(READ)('$name', (c) => {
    const { config, warnings } = readFiles(c);
    expect(config).toEqual({ profiles: c.profiles, ssoSessions: c.ssoSessions ?? {}, services: expect.anything() });
    expect(warnings).toEqual((c.warnings ?? []).map((warning) => expect.stringMatching(warning)));
  });

  test.each(ERRORS)('refuses $name, naming the file and the line', (c) => {
    expect(() => readFiles(c)).toThrow(AwsenvError);
    expect(() => readFiles(c)).toThrow(c.message);
  });
});

describe('botocore, which the AWS CLI reads the files with, reads them as these tables say', () => {
  const botocore = botocorePeer();
  const readings = new Map<object, BotocoreReading>();
  beforeAll(() => {
    if (!botocore.path) return;
    const cases = [...READ, ...ERRORS];
    botocoreReadings(botocore.path, cases).forEach((reading, i) => readings.set(cases[i], reading));
  });

  const botocoreTest = testWith(botocore);
  for (const c of READ) {
    botocoreTest(c.name, () => {
      const reading = readings.get(c)!;
      if (c.awsCli === 'refuses') return expect(reading).toEqual({ error: 'ConfigParseError' });
      expect(reading).toHaveProperty('profiles', (c.awsCli ?? c).profiles);
      if (c.ssoSessions) expect(reading).toHaveProperty('ssoSessions', c.ssoSessions);
    });
  }
  for (const c of ERRORS) {
    botocoreTest(`${c.name}: ${c.awsCli === 'refuses' ? 'refused' : 'read'}`, () => {
      if (c.awsCli === 'refuses') expect(readings.get(c)).toHaveProperty('error');
      else expect(readings.get(c)).not.toHaveProperty('error');
    });
  }
});

describe('loadConfig reads the files lazily (indexSharedFile); asked for every section, it reads what parseSharedFile reads', () => {
  test.each([...READ, ...ERRORS])('$name', (c) => {
    expect(readLazily(c)).toEqual(readWhole(c));
    expect(readListed(c)).toEqual(readWhole(c));
  });
});
