import { consoleSignInOf } from '../../src/chain/consoleSignInOf';
import { loadIni, removeIniFiles } from '../support/iniFiles';
import { CONSOLE_SESSION as SESSION, LOGIN_CONFIG } from '../support/loginWorld';

afterAll(removeIniFiles);

const CONFIG = `${LOGIN_CONFIG}
[profile empty]
output = json

[profile sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111111111111
sso_role_name = Admin
`;

describe(consoleSignInOf.name, () => {
  test.each<[string, string, string | undefined, object | undefined]>([
    ['a login_session profile', 'console', undefined, { profile: 'console', loginSession: SESSION, signin: { region: 'eu-west-1' }, writeRegion: false }],
    ['a role on one: the root\'s sign-in', 'deploy', undefined, { profile: 'console', loginSession: SESSION, signin: { region: 'eu-west-1' }, writeRegion: false }],
    ['--region moves the sign-in and is written', 'console', 'us-west-2', { profile: 'console', loginSession: SESSION, signin: { region: 'us-west-2' }, writeRegion: true }],
    ['a profile not there yet starts from nothing', 'brand-new', undefined, { profile: 'brand-new', signin: { region: 'us-east-1' }, writeRegion: true }],
    ['a profile without credentials starts from nothing', 'empty', 'eu-north-1', { profile: 'empty', signin: { region: 'eu-north-1' }, writeRegion: true }],
    ['IAM Identity Center\'s profile is not one', 'sso', undefined, undefined],
  ])('%s', (_why, name, region, expected) => {
    expect(consoleSignInOf(name, loadIni({ config: CONFIG }), {}, 'argument', region)).toEqual(expected);
  });
});
