import { parseSharedFile } from '../../src/config/parseSharedFile';
import { setProfileKey } from '../../src/config/setProfileKey';
import { AwsenvError } from '../../src/core/errors';

const SERIAL = 'arn:aws:iam::111111111111:mfa/alice';
const OLD = 'arn:aws:iam::111111111111:mfa/old';

/** What awsenv reads from the text for the profile after the edit. */
const readBack = (text: string, profile: string) => parseSharedFile(Buffer.from(text), 'config', 'config').sections.profiles.get(profile);

describe(setProfileKey.name, () => {
  it.each<{ name: string; profile?: string; before: string; after: string }>([
    {
      name: 'key absent: added after the section\'s last property, before the blank line and the next section',
      before: '[profile alice]\nregion = eu-west-1\n\n[profile bob]\nregion = us-east-1\n',
      after: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n\n[profile bob]\nregion = us-east-1\n`,
    },
    {
      name: 'key present: the line is replaced where it stands, its indentation kept',
      before: `[profile alice]\n  mfa_serial=${OLD}\nregion = eu-west-1\n`,
      after: `[profile alice]\n  mfa_serial = ${SERIAL}\nregion = eu-west-1\n`,
    },
    {
      name: 'key present in another case and with a colon: the same key to the AWS CLI',
      before: `[profile alice]\nMFA_Serial: ${OLD}\n`,
      after: `[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'key present with continuation lines: they go with it',
      before: `[profile alice]\nmfa_serial = ${OLD}\n  more\n\n  and more\nregion = eu-west-1\n`,
      after: `[profile alice]\nmfa_serial = ${SERIAL}\nregion = eu-west-1\n`,
    },
    {
      name: 'a comment line after the last property stays after the new line; comments elsewhere are untouched',
      before: '# my config\n[profile alice] ; mine\nregion = eu-west-1\n# about bob\n[profile bob]\n',
      after: `# my config\n[profile alice] ; mine\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n# about bob\n[profile bob]\n`,
    },
    {
      name: 'a commented-out mfa_serial is not the key',
      before: `[profile alice]\n# mfa_serial = ${OLD}\n`,
      after: `[profile alice]\nmfa_serial = ${SERIAL}\n# mfa_serial = ${OLD}\n`,
    },
    {
      name: 'an empty section: right after its header',
      before: '[profile alice]\n[profile bob]\nregion = us-east-1\n',
      after: `[profile alice]\nmfa_serial = ${SERIAL}\n[profile bob]\nregion = us-east-1\n`,
    },
    {
      name: 'the same key of another profile is left alone',
      before: `[profile bob]\nmfa_serial = ${OLD}\n[profile alice]\nregion = eu-west-1\n`,
      after: `[profile bob]\nmfa_serial = ${OLD}\n[profile alice]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'the last section without a trailing newline: the file still ends without one',
      before: '[profile alice]\nregion = eu-west-1',
      after: `[profile alice]\nregion = eu-west-1\nmfa_serial = ${SERIAL}`,
    },
    {
      name: 'the key on the last line without a trailing newline',
      before: `[profile alice]\nmfa_serial = ${OLD}`,
      after: `[profile alice]\nmfa_serial = ${SERIAL}`,
    },
    {
      name: 'CRLF: the new line ends in CRLF too',
      before: '[profile alice]\r\nregion = eu-west-1\r\n\r\n[profile bob]\r\n',
      after: `[profile alice]\r\nregion = eu-west-1\r\nmfa_serial = ${SERIAL}\r\n\r\n[profile bob]\r\n`,
    },
    {
      name: 'CRLF, section absent: appended with CRLF',
      before: '[profile bob]\r\nregion = us-east-1\r\n',
      after: `[profile bob]\r\nregion = us-east-1\r\n\r\n[profile alice]\r\nmfa_serial = ${SERIAL}\r\n`,
    },
    {
      name: 'section absent: appended after a blank line',
      before: '[profile bob]\nregion = us-east-1\n',
      after: `[profile bob]\nregion = us-east-1\n\n[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'section absent, no trailing newline',
      before: '[profile bob]\nregion = us-east-1',
      after: `[profile bob]\nregion = us-east-1\n\n[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'section absent, the file already ends with a blank line',
      before: '[profile bob]\nregion = us-east-1\n\n',
      after: `[profile bob]\nregion = us-east-1\n\n[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
    { name: 'an empty file', before: '', after: `[profile alice]\nmfa_serial = ${SERIAL}\n` },
    {
      name: 'a section that comes twice: the key is replaced where it is set',
      before: `[profile alice]\nmfa_serial = ${OLD}\n[profile bob]\n[profile alice]\nregion = eu-west-1\n`,
      after: `[profile alice]\nmfa_serial = ${SERIAL}\n[profile bob]\n[profile alice]\nregion = eu-west-1\n`,
    },
    {
      name: 'a section that comes twice without the key: added to the later one',
      before: '[profile alice]\nregion = eu-west-1\n[profile bob]\n[profile alice]\noutput = json\n',
      after: `[profile alice]\nregion = eu-west-1\n[profile bob]\n[profile alice]\noutput = json\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'a header with spaces inside the brackets and a quoted name',
      profile: 'my alice',
      before: '[ profile "my alice" ]\nregion = eu-west-1\n',
      after: `[ profile "my alice" ]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'a name with a space, section absent: quoted as botocore reads it',
      profile: 'my alice',
      before: '',
      after: `[profile "my alice"]\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'a [profile alice] line inside a value is a continuation, not a header',
      before: '[profile bob]\nnote = x\n  [profile alice]\n',
      after: `[profile bob]\nnote = x\n  [profile alice]\n\n[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
    { name: '[default]: edited in place', profile: 'default', before: '[default]\nregion = eu-west-1\n', after: `[default]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n` },
    {
      name: '[profile default] wins over [default], wherever each is',
      profile: 'default',
      before: `[profile default]\nregion = eu-west-1\n[default]\nmfa_serial = ${OLD}\n`,
      after: `[profile default]\nregion = eu-west-1\nmfa_serial = ${SERIAL}\n[default]\nmfa_serial = ${OLD}\n`,
    },
    { name: 'default, section absent: [default]', profile: 'default', before: '', after: `[default]\nmfa_serial = ${SERIAL}\n` },
    {
      name: '[profile default] in the config is not the profile "profile default"',
      profile: 'profile default',
      before: '[profile default]\n',
      after: `[profile default]\n\n[profile "profile default"]\nmfa_serial = ${SERIAL}\n`,
    },
    {
      name: 'a byte-order mark stays in front',
      before: '\uFEFF[profile alice]\n',
      after: `\uFEFF[profile alice]\nmfa_serial = ${SERIAL}\n`,
    },
  ])('$name', ({ profile = 'alice', before, after }) => {
    const written = setProfileKey(before, profile, 'mfa_serial', SERIAL);
    expect(written).toBe(after);
    expect(readBack(written, profile)?.get('mfa_serial')).toBe(SERIAL);
  });

  it.each([
    ['a value of two lines', 'profile1', 'arn:aws:iam::111111111111:mfa/a\ncredential_process = sh -c id'],
    ['a value with a carriage return', 'profile1', 'x\r[profile default]'],
    ['a profile name of two lines', 'a\n[default]', 'x'],
  ])('refuses %s: it would write lines of its own', (_name, profile, value) => {
    expect(() => setProfileKey('[profile profile1]\n', profile, 'mfa_serial', value)).toThrow(/more than one line/);
  });

  it('refuses a name no header can hold', () => {
    expect(() => setProfileKey('', 'a"b', 'mfa_serial', SERIAL)).toThrow(AwsenvError);
  });
});
