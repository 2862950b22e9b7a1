import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/loadConfig';
import { mergeSharedFiles } from '../../src/config/mergeSharedFiles';
import { sharedFilePaths } from '../../src/config/sharedFilePaths';
import { AwsenvError } from '../../src/core/errors';
import { iniFiles, loadIni, removeIniFiles } from '../support/iniFiles';
import { recordingLogger } from '../support/recordingLogger';

afterAll(removeIniFiles);

const NO_CONFIG = { profiles: {}, ssoSessions: {}, services: {} };

const load = (env: Parameters<typeof loadConfig>[0]) => loadConfig(env, recordingLogger());

function failureOf(run: () => unknown): AwsenvError {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsenvError) return error;
    throw error;
  }
  throw new Error('it did not fail');
}

describe(loadConfig.name, () => {
  it('names config-file profiles as the AWS CLI does: [default] and [profile x]; a bare [x] is not a profile there', () => {
    const config = loadIni({
      config: `
[default]
region = us-east-1

[profile dev]
region = eu-west-1

[profile my.dotted-name]
region = eu-north-1

[stray]
region = ap-south-1
`,
    });
    expect(config).toEqual({
      profiles: {
        default: { region: 'us-east-1' },
        dev: { region: 'eu-west-1' },
        'my.dotted-name': { region: 'eu-north-1' },
      },
      ssoSessions: {},
      services: {},
    });
  });

  it('takes credentials-file sections as profiles, without the "profile " prefix', () => {
    const config = loadIni({
      credentials: `
[default]
aws_access_key_id = AKIADEFAULT000000001
aws_secret_access_key = default/secret

[alice]
aws_access_key_id = AKIAALICE00000000001
aws_secret_access_key = alice/secret
`,
    });
    expect(config.profiles).toEqual({
      default: { aws_access_key_id: 'AKIADEFAULT000000001', aws_secret_access_key: 'default/secret' },
      alice: { aws_access_key_id: 'AKIAALICE00000000001', aws_secret_access_key: 'alice/secret' },
    });
  });

  it('merges a profile from both files, the credentials file winning key by key', () => {
    const config = loadIni({
      config: `
[profile alice]
region = eu-west-1
aws_access_key_id = AKIAOLD0000000000001
mfa_serial = arn:aws:iam::111111111111:mfa/alice

[profile config-only]
region = us-west-2
`,
      credentials: `
[alice]
aws_access_key_id = AKIANEW0000000000001
aws_secret_access_key = alice/secret

[credentials-only]
aws_access_key_id = AKIACRED000000000001
aws_secret_access_key = cred/secret
`,
    });
    expect(config.profiles).toEqual({
      alice: {
        region: 'eu-west-1',
        aws_access_key_id: 'AKIANEW0000000000001',
        aws_secret_access_key: 'alice/secret',
        mfa_serial: 'arn:aws:iam::111111111111:mfa/alice',
      },
      'config-only': { region: 'us-west-2' },
      'credentials-only': { aws_access_key_id: 'AKIACRED000000000001', aws_secret_access_key: 'cred/secret' },
    });
  });

  it('drops comments, whole-line and trailing, with # and ;, and warns of each trailing one: the AWS CLI keeps them in the value', () => {
    const log = recordingLogger();
    const config = loadIni({
      config: `
# a comment before any section
; and another
[profile dev] # the dev account
# region = us-east-1
region = eu-west-1 ; Ireland
  ; indented comment
output = json # for scripts
`,
    }, log);
    expect(config.profiles).toEqual({ dev: { region: 'eu-west-1', output: 'json' } });
    expect(log.warnings).toEqual([
      expect.stringMatching(/\/config line 6: the ";…" after the value of "region" is a comment to awsenv and the AWS SDKs but part of the value to the AWS CLI/),
      expect.stringMatching(/\/config line 8: the "#…" after the value of "output" is a comment/),
    ]);
  });

  it('keeps sso-session and services sections apart from the profiles', () => {
    const config = loadIni({
      config: `
[profile dev]
sso_session = corp
services = local

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[services local]
sts =
  endpoint_url = http://localhost:4566
s3 =
  endpoint_url = http://localhost:9000
region = us-east-1
`,
    });
    expect(config).toEqual({
      profiles: { dev: { sso_session: 'corp', services: 'local' } },
      ssoSessions: { corp: { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'eu-west-1' } },
      services: { local: { 'sts.endpoint_url': 'http://localhost:4566', 's3.endpoint_url': 'http://localhost:9000', region: 'us-east-1' } },
    });
  });

  it('reads ~/.aws/config and ~/.aws/credentials under HOME when the variables are unset', () => {
    const { HOME } = iniFiles({});
    fs.mkdirSync(path.join(HOME!, '.aws'));
    fs.writeFileSync(path.join(HOME!, '.aws', 'config'), '[profile home]\nregion = eu-west-1\n');
    fs.writeFileSync(path.join(HOME!, '.aws', 'credentials'), '[home]\naws_access_key_id = AKIAHOME000000000001\n');
    expect(load({ HOME }).profiles).toEqual({ home: { region: 'eu-west-1', aws_access_key_id: 'AKIAHOME000000000001' } });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE over HOME', () => {
    const env = iniFiles({ config: '[profile elsewhere]\nregion = us-west-2\n', credentials: '[elsewhere]\naws_access_key_id = AKIAELSE000000000001\n' });
    fs.mkdirSync(path.join(env.HOME!, '.aws'));
    fs.writeFileSync(path.join(env.HOME!, '.aws', 'config'), '[profile home]\nregion = eu-west-1\n');
    fs.writeFileSync(path.join(env.HOME!, '.aws', 'credentials'), '[home]\naws_access_key_id = AKIAHOME000000000001\n');
    expect(load(env).profiles).toEqual({ elsewhere: { region: 'us-west-2', aws_access_key_id: 'AKIAELSE000000000001' } });
  });

  it('expands a leading ~/ in AWS_CONFIG_FILE against the HOME it is given, not the process\'s', () => {
    const { HOME } = iniFiles({});
    fs.writeFileSync(path.join(HOME!, 'custom-config'), '[profile tilde]\nregion = eu-west-1\n');
    expect(load({ HOME, AWS_CONFIG_FILE: '~/custom-config' }).profiles).toEqual({ tilde: { region: 'eu-west-1' } });
  });

  it.each([
    { missing: 'both files', texts: {} },
    { missing: 'the credentials file', texts: { config: '' } },
    { missing: 'the config file', texts: { credentials: '# nothing yet\n' } },
  ])('finds no profiles with $missing missing, the other empty', ({ texts }) => {
    expect(loadIni(texts)).toEqual(NO_CONFIG);
  });

  it('refuses what the AWS CLI refuses with an error naming the file and the line, never a shorter config', () => {
    const env = iniFiles({ config: '[profile alice]\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\n[profile admin\nrole_arn = arn:aws:iam::222222222222:role/admin\n' });
    expect(failureOf(() => load(env))).toMatchObject({ kind: 'config', message: `${env.AWS_CONFIG_FILE} line 3: a section header must end with ']'` });
  });

  it('warns through the logger it is given, naming the file and the line', () => {
    const log = recordingLogger();
    const env = iniFiles({ credentials: '[alice]\naws_access_key_id = AKIAALICE00000000001\naws_access_key_id = AKIAALICE00000000002\n' });
    expect(loadConfig(env, log).profiles).toEqual({ alice: { aws_access_key_id: 'AKIAALICE00000000002' } });
    expect(log.warnings).toEqual([expect.stringMatching(new RegExp(`^${env.AWS_SHARED_CREDENTIALS_FILE} line 3: "aws_access_key_id" is set again`))]);
  });

  it('opens each file once', () => {
    const env = iniFiles({ config: '[profile dev]\nregion = eu-west-1\n', credentials: '[dev]\naws_access_key_id = AKIA\n' });
    const open = jest.spyOn(fs, 'openSync');
    try {
      load(env);
      expect(open.mock.calls.map(([file]) => file)).toEqual([env.AWS_CONFIG_FILE, env.AWS_SHARED_CREDENTIALS_FILE]);
    } finally {
      open.mockRestore();
    }
  });

  it('reads the files afresh on every call', () => {
    const env = iniFiles({ config: '[profile dev]\nregion = eu-west-1\n' });
    expect(load(env).profiles.dev).toEqual({ region: 'eu-west-1' });
    fs.writeFileSync(env.AWS_CONFIG_FILE!, '[profile dev]\nregion = us-west-2\n');
    expect(load(env).profiles.dev).toEqual({ region: 'us-west-2' });
  });
});

describe(mergeSharedFiles.name, () => {
  const sections = (entries: Record<string, Record<string, string>>) => new Map(Object.entries(entries).map(([name, keys]) => [name, new Map(Object.entries(keys))]));

  it('lets the credentials file win key by key, keeps sso-sessions and services of the config file, and does not touch its arguments', () => {
    const configFile = { profiles: sections({ dev: { region: 'eu-west-1', output: 'json' } }), ssoSessions: sections({ corp: { sso_region: 'eu-west-1' } }), services: sections({}) };
    const credentialsFile = { profiles: sections({ dev: { region: 'us-west-2', aws_access_key_id: 'AKIA' } }), ssoSessions: sections({}), services: sections({}) };
    const merged = mergeSharedFiles(configFile, credentialsFile);
    expect(merged).toEqual({ profiles: { dev: { region: 'us-west-2', output: 'json', aws_access_key_id: 'AKIA' } }, ssoSessions: { corp: { sso_region: 'eu-west-1' } }, services: {} });
    expect(configFile.profiles.get('dev')).toEqual(new Map(Object.entries({ region: 'eu-west-1', output: 'json' })));
  });

  it('makes records without a prototype, so that "constructor" names no profile and "__proto__" is a profile like any other', () => {
    const merged = loadIni({ config: '[profile __proto__]\nregion = eu-west-1\n' });
    expect(Object.keys(merged.profiles)).toEqual(['__proto__']);
    expect(merged.profiles['__proto__']).toEqual({ region: 'eu-west-1' });
    expect(merged.profiles['constructor']).toBeUndefined();
    expect(merged.profiles['__proto__'].toString).toBeUndefined();
  });
});

describe(sharedFilePaths.name, () => {
  it.each([
    { env: { HOME: '/home/a' }, configFile: '/home/a/.aws/config', credentialsFile: '/home/a/.aws/credentials' },
    { env: { USERPROFILE: '/users/a' }, configFile: '/users/a/.aws/config', credentialsFile: '/users/a/.aws/credentials' },
    { env: { HOME: '/home/a', AWS_CONFIG_FILE: '/etc/aws/config' }, configFile: '/etc/aws/config', credentialsFile: '/home/a/.aws/credentials' },
    { env: { HOME: '/home/a', AWS_SHARED_CREDENTIALS_FILE: '/run/creds' }, configFile: '/home/a/.aws/config', credentialsFile: '/run/creds' },
  ])('$configFile and $credentialsFile', ({ env, configFile, credentialsFile }) => {
    expect(sharedFilePaths(env)).toEqual({ configFile, credentialsFile });
  });
});

describe('files loadConfig cannot read', () => {
  // Root reads files whatever their mode, so an unreadable file is a directory here, which every user sees alike.
  test.each(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'])('%s naming a directory is a configuration error, not an empty file', (variable) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-dir-'));
    try {
      expect(failureOf(() => load({ HOME: dir, [variable]: dir }))).toMatchObject({ kind: 'config', message: `${dir} is not a file` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a FIFO in the place of a file is refused at once, not waited on for a writer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-fifo-'));
    try {
      const fifo = path.join(dir, 'config');
      execFileSync('mkfifo', [fifo]);
      expect(failureOf(() => load({ HOME: dir, AWS_CONFIG_FILE: fifo }))).toMatchObject({ kind: 'config', message: `${fifo} is not a file` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a [profile foo] section in the credentials file is the profile "profile foo", as in the AWS CLI', () => {
  const config = loadIni({ config: '[profile foo]\nregion = eu-west-1\n', credentials: '[profile foo]\naws_access_key_id = AKIA\n' });
  expect(config.profiles).toEqual({ foo: { region: 'eu-west-1' }, 'profile foo': { aws_access_key_id: 'AKIA' } });
});
