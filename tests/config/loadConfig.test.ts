import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/loadConfig';
import { mergeSharedFiles } from '../../src/config/mergeSharedFiles';
import { sharedFilePaths } from '../../src/config/sharedFilePaths';
import { iniFiles, loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const NO_CONFIG = { profiles: {}, ssoSessions: {}, services: {} };

describe(loadConfig.name, () => {
  it('names config-file profiles as the AWS CLI does: [default] and [profile x]; a bare [x] is not a profile there', async () => {
    const config = await loadIni({
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

  it('takes credentials-file sections as profiles, without the "profile " prefix', async () => {
    const config = await loadIni({
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

  it('merges a profile from both files, the credentials file winning key by key', async () => {
    const config = await loadIni({
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

  it('drops comments, whole-line and trailing, with # and ;', async () => {
    const config = await loadIni({
      config: `
# a comment before any section
; and another
[profile dev] # the dev account
# region = us-east-1
region = eu-west-1 ; Ireland
  ; indented comment
output = json # for scripts
`,
    });
    expect(config.profiles).toEqual({ dev: { region: 'eu-west-1', output: 'json' } });
  });

  it('keeps sso-session and services sections apart from the profiles', async () => {
    const config = await loadIni({
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

  it('reads ~/.aws/config and ~/.aws/credentials under HOME when the variables are unset', async () => {
    const { HOME } = iniFiles({});
    fs.mkdirSync(path.join(HOME!, '.aws'));
    fs.writeFileSync(path.join(HOME!, '.aws', 'config'), '[profile home]\nregion = eu-west-1\n');
    fs.writeFileSync(path.join(HOME!, '.aws', 'credentials'), '[home]\naws_access_key_id = AKIAHOME000000000001\n');
    expect((await loadConfig({ HOME })).profiles).toEqual({ home: { region: 'eu-west-1', aws_access_key_id: 'AKIAHOME000000000001' } });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE over HOME', async () => {
    const env = iniFiles({ config: '[profile elsewhere]\nregion = us-west-2\n', credentials: '[elsewhere]\naws_access_key_id = AKIAELSE000000000001\n' });
    fs.mkdirSync(path.join(env.HOME!, '.aws'));
    fs.writeFileSync(path.join(env.HOME!, '.aws', 'config'), '[profile home]\nregion = eu-west-1\n');
    fs.writeFileSync(path.join(env.HOME!, '.aws', 'credentials'), '[home]\naws_access_key_id = AKIAHOME000000000001\n');
    expect((await loadConfig(env)).profiles).toEqual({ elsewhere: { region: 'us-west-2', aws_access_key_id: 'AKIAELSE000000000001' } });
  });

  it('expands a leading ~/ in AWS_CONFIG_FILE against the HOME it is given, not the process\'s', async () => {
    const { HOME } = iniFiles({});
    fs.writeFileSync(path.join(HOME!, 'custom-config'), '[profile tilde]\nregion = eu-west-1\n');
    expect((await loadConfig({ HOME, AWS_CONFIG_FILE: '~/custom-config' })).profiles).toEqual({ tilde: { region: 'eu-west-1' } });
  });

  it.each([
    { missing: 'both files', texts: {} },
    { missing: 'the credentials file', texts: { config: '' } },
    { missing: 'the config file', texts: { credentials: '# nothing yet\n' } },
  ])('finds no profiles with $missing missing, the other empty', async ({ texts }) => {
    expect(await loadIni(texts)).toEqual(NO_CONFIG);
  });

  it('reads the files afresh on every call', async () => {
    const env = iniFiles({ config: '[profile dev]\nregion = eu-west-1\n' });
    expect((await loadConfig(env)).profiles.dev).toEqual({ region: 'eu-west-1' });
    fs.writeFileSync(env.AWS_CONFIG_FILE!, '[profile dev]\nregion = us-west-2\n');
    expect((await loadConfig(env)).profiles.dev).toEqual({ region: 'us-west-2' });
  });
});

describe(mergeSharedFiles.name, () => {
  it('drops keys the loader left undefined and does not touch its arguments', () => {
    const configFile = { dev: { region: 'eu-west-1', output: undefined }, 'sso-session.corp': { sso_region: 'eu-west-1' } };
    const credentialsFile = { dev: { region: 'us-west-2', aws_access_key_id: undefined } };
    const before = JSON.stringify([configFile, credentialsFile]);
    const merged = mergeSharedFiles(configFile, credentialsFile);
    expect(merged).toEqual({ profiles: { dev: { region: 'us-west-2' } }, ssoSessions: { corp: { sso_region: 'eu-west-1' } }, services: {} });
    // toEqual overlooks undefined values; the keys do not.
    expect(Object.keys(merged.profiles.dev)).toEqual(['region']);
    expect(JSON.stringify([configFile, credentialsFile])).toBe(before);
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
  test.each(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'])('%s naming a directory is a configuration error, not an empty file', async (variable) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-dir-'));
    try {
      await expect(loadConfig({ HOME: dir, [variable]: dir })).rejects.toMatchObject({ kind: 'config', message: `${dir} is not a file` });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a [profile foo] section in the credentials file is the profile "profile foo", as in the AWS CLI', () => {
  const merged = mergeSharedFiles({ foo: { region: 'eu-west-1' } }, { 'profile.foo': { aws_access_key_id: 'AKIA' } });
  expect(merged.profiles).toEqual({ foo: { region: 'eu-west-1' }, 'profile foo': { aws_access_key_id: 'AKIA' } });
});
