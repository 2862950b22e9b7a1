import { plannedProfiles, withSections, type RoleOffer } from '../../src/cli/ssoProfileSections';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const ACME = 'https://acme.awsapps.com/start';
const SESSION = { name: 'acme', startUrl: ACME };

describe(plannedProfiles.name, () => {
  it.each<{ case: string; config: string; offers: RoleOffer[]; names: string[]; configured?: boolean[] }>([
    { case: 'ACCOUNT-ROLE, the account name made a word', config: '', offers: [{ accountId: '111111111111', accountName: 'Dev Team (EU)', roleName: 'AdministratorAccess' }], names: ['dev-team-eu-AdministratorAccess'] },
    { case: 'the account id for an account without a name', config: '', offers: [{ accountId: '111111111111', roleName: 'ReadOnly' }], names: ['111111111111-ReadOnly'] },
    { case: 'the account id for a name that is no word', config: '', offers: [{ accountId: '111111111111', accountName: '本番', roleName: 'ReadOnly' }], names: ['111111111111-ReadOnly'] },
    {
      case: 'two accounts whose names make the same word',
      config: '',
      offers: [{ accountId: '111111111111', accountName: 'Prod', roleName: 'Admin' }, { accountId: '222222222222', accountName: 'prod!', roleName: 'Admin' }],
      names: ['prod-Admin', 'prod-222222222222-Admin'],
    },
    {
      case: 'a name another profile of the config has',
      config: '[profile prod-Admin]\nregion = us-east-1\n',
      offers: [{ accountId: '111111111111', accountName: 'prod', roleName: 'Admin' }],
      names: ['prod-111111111111-Admin'],
    },
    {
      case: 'the name of a profile that already gives the account and role through the start URL, legacy or not',
      config: `[sso-session corp]\nsso_start_url = ${ACME}/\nsso_region = eu-west-1\n[profile mine]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n[profile old]\nsso_start_url = ${ACME}\nsso_region = eu-west-1\nsso_account_id = 222222222222\nsso_role_name = Admin\n`,
      offers: [{ accountId: '111111111111', accountName: 'prod', roleName: 'Admin' }, { accountId: '222222222222', accountName: 'test', roleName: 'Admin' }, { accountId: '222222222222', accountName: 'test', roleName: 'ReadOnly' }],
      names: ['mine', 'old', 'test-ReadOnly'],
      configured: [true, true, false],
    },
    { case: 'characters no header holds in a role name', config: '', offers: [{ accountId: '111111111111', accountName: 'dev', roleName: 'a]b c' }], names: ['dev-a-b-c'] },
  ])('$case', ({ config, offers, names, configured }) => {
    const planned = plannedProfiles(offers, SESSION, 'eu-west-1', loadIni({ config }));
    expect(planned.map((p) => p.name)).toEqual(names);
    if (configured) expect(planned.map((p) => p.configured)).toEqual(configured);
  });

  it('writes sections that read back as the profiles meant', () => {
    const offers = [{ accountId: '111111111111', accountName: 'dev', roleName: 'ReadOnly' }];
    const [planned] = plannedProfiles(offers, SESSION, 'us-west-2', loadIni({ config: '' }));
    expect({ ...loadIni({ config: planned.section }).profiles['dev-ReadOnly'] }).toEqual({ sso_session: 'acme', sso_account_id: '111111111111', sso_role_name: 'ReadOnly', region: 'us-west-2' });
  });
});

describe(withSections.name, () => {
  const added = ['[a]\nk = 1\n', '[b]\nk = 2\n'];
  it.each([
    ['an empty file', '', '[a]\nk = 1\n\n[b]\nk = 2\n'],
    ['a file with a final newline', '[x]\ny = 1\n', '[x]\ny = 1\n\n[a]\nk = 1\n\n[b]\nk = 2\n'],
    ['a file without one', '[x]\ny = 1', '[x]\ny = 1\n\n[a]\nk = 1\n\n[b]\nk = 2\n'],
    ['a CRLF file', '[x]\r\ny = 1\r\n', '[x]\r\ny = 1\r\n\r\n[a]\r\nk = 1\r\n\r\n[b]\r\nk = 2\r\n'],
    ['a CRLF file without a final newline', '[x]\r\ny = 1', '[x]\r\ny = 1\r\n\r\n[a]\r\nk = 1\r\n\r\n[b]\r\nk = 2\r\n'],
  ])('%s keeps its bytes and its line ending', (_, before, after) => {
    expect(withSections(before, added)).toBe(after);
  });
});
