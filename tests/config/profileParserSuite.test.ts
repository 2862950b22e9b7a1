import fs from 'node:fs';
import path from 'node:path';
import { mergeSharedFiles, type AwsConfig } from '../../src/config/mergeSharedFiles';
import { parseSharedFile } from '../../src/config/parseSharedFile';
import { AwsenvError } from '../../src/core/errors';
import { readLazily, readListed, readWhole } from '../support/sharedFileReadings';

/**
 * The AWS SDKs' shared profile-parser suite (profile-parser-tests.json, Apache-2.0, published by the SDKs: in
 * aws-sdk-rust under sdk/aws-config/test-data/). It is not part of this repository: the tests read it from the
 * workplace's shared folder beside the checkout (shared/test-data/), or from AWSENV_PROFILE_PARSER_SUITE, and say so
 * in their tally when it is not there.
 */
interface SuiteCase {
  readonly name: string;
  readonly input: { readonly configFile?: string; readonly credentialsFile?: string };
  readonly output: { readonly config: Expected } | { readonly errorContaining: string };
}

interface Expected {
  readonly profiles: Record<string, Record<string, string>>;
  readonly sso_sessions?: Record<string, Record<string, string>>;
}

// The tests run from dist/tests/config: the checkout is three levels up, and shared/ beside it.
const SUITE_FILE = process.env.AWSENV_PROFILE_PARSER_SUITE || path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'test-data', 'profile-parser-tests.json');
const SUITE: readonly SuiteCase[] = fs.existsSync(SUITE_FILE) ? JSON.parse(fs.readFileSync(SUITE_FILE, 'utf8')).tests : [];
const suiteTest = SUITE.length ? test : test.skip;
const MISSING = SUITE.length ? '' : ` (skipped: the SDKs' profile-parser suite is not at ${SUITE_FILE})`;

/**
 * The cases where awsenv reads the files as the AWS CLI (botocore) does and the suite says otherwise: what awsenv
 * reads instead, and why. The other cases pass as the suite has them.
 */
const DIFFERENCES: Record<string, { readonly why: string; readonly profiles: Expected['profiles'] }> = {
  'Profile names support alphanumeric characters and - / . % @ _ : +': {
    why: 'botocore takes any one shell word as a name: [profile foo!bar] is the profile "foo!bar" to the AWS CLI',
    profiles: { 'some-thing:long/the_one%only.foo@bar+': {}, 'foo!bar': {} },
  },
  'Property definitions must contain an equals sign.': {
    why: "botocore takes ':' as a delimiter like '='; refusing the line, or dropping it as the SDKs' loaders do, can drop an mfa_serial, so awsenv reads it and warns",
    profiles: { foo: { key: 'value' } },
  },
  'Invalid profile names are ignored.': {
    why: 'botocore takes the credentials file\'s section names whole: [in valid 2] there is the profile "in valid 2" ([profile in valid] in the config file is ignored by both)',
    profiles: { 'in valid 2': { name2: 'value2' } },
  },
  'Invalid property names are ignored.': {
    why: 'botocore keeps whatever comes before the delimiter as the key, spaces and all',
    profiles: { foo: { 'in valid': 'value' } },
  },
  'Credentials profiles with prefix are ignored.': {
    why: 'botocore takes the credentials file\'s section names whole: [profile foo] there is the profile "profile foo"',
    profiles: { 'profile foo': { name: 'value' } },
  },
  'profile name with extra whitespace in credentials': {
    why: 'the same: [profile bar] in the credentials file is the profile "profile bar" to the AWS CLI',
    profiles: { foo: { name: 'value' }, 'profile bar': {} },
  },
};

// The suite's error texts are the Rust SDK's words; awsenv says the same in its own, after the file and the line.
const ERRORS: readonly (readonly [suite: string, awsenv: string])[] = [
  ["Profile definition must end with ']'", "a section header must end with ']'"],
  ['Expected a profile definition', 'a property outside any section'],
  ['Expected a property definition', 'expected "name = value"'],
  ['Property did not have a name', 'a property with no name'],
  ["Expected an '=' sign defining a sub-property", 'expected "name = value" under "s3 ="'],
  ['Sub-property did not have a name', 'a sub-property of "s3" with no name'],
];

function read(input: SuiteCase['input']): AwsConfig {
  const parse = (text: string | undefined, kind: 'config' | 'credentials') => parseSharedFile(Buffer.from(text ?? ''), kind, kind).sections;
  return mergeSharedFiles(parse(input.configFile, 'config'), parse(input.credentialsFile, 'credentials'));
}

/** The suite keeps a block of sub-properties as its text ("\nname = value"); awsenv has "s3.name" keys, as the SDK's loader had. */
function asAwsenvKeys(sections: Expected['profiles']): Expected['profiles'] {
  return Object.fromEntries(Object.entries(sections).map(([name, keys]) => [name, Object.fromEntries(Object.entries(keys).flatMap(([key, value]) => {
    if (!value.startsWith('\n')) return [[key, value]];
    return value.split('\n').filter(Boolean).map((line) => [`${key}.${line.slice(0, line.indexOf('=')).trim()}`, line.slice(line.indexOf('=') + 1).trim()]);
  }))]));
}

suiteTest(`the suite is the one expected: 65 cases, and every listed difference names one of them${MISSING}`, () => {
  expect(SUITE).toHaveLength(65);
  expect(Object.keys(DIFFERENCES).filter((name) => !SUITE.some((c) => c.name === name))).toEqual([]);
});

suiteTest(`read lazily, as loadConfig reads them, every case gives what the whole reading gives${MISSING}`, () => {
  for (const { input } of SUITE) {
    const texts = { config: input.configFile, credentials: input.credentialsFile };
    expect(readLazily(texts)).toEqual(readWhole(texts));
    expect(readListed(texts)).toEqual(readWhole(texts));
  }
});

// jest refuses an empty table; without the suite, the test above says why nothing runs.
const eachCase = SUITE.length ? describe.each(SUITE.map((c, i) => [`#${i + 1} ${c.name}`, c] as const)) : undefined;
eachCase?.('%s', (_, suiteCase) => {
  const difference = DIFFERENCES[suiteCase.name];
  const { output } = suiteCase;
  if (difference) {
    test(`differs on purpose: ${difference.why}`, () => {
      expect(read(suiteCase.input).profiles).toEqual(difference.profiles);
    });
  } else if ('errorContaining' in output) {
    test(`refused: ${output.errorContaining}`, () => {
      const words = ERRORS.find(([suite]) => output.errorContaining.startsWith(suite))?.[1];
      expect(words).toBeDefined();
      let thrown: unknown;
      try {
        read(suiteCase.input);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AwsenvError);
      expect(thrown).toMatchObject({ kind: 'config', message: expect.stringMatching(/^(config|credentials) line \d+: /) });
      expect((thrown as AwsenvError).message).toContain(words);
    });
  } else {
    test('read as the suite says', () => {
      const config = read(suiteCase.input);
      expect(config.profiles).toEqual(asAwsenvKeys(output.config.profiles));
      if (output.config.sso_sessions) expect(config.ssoSessions).toEqual(asAwsenvKeys(output.config.sso_sessions));
    });
  }
});
