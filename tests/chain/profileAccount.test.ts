import { knownIdentity } from '../../src/chain/knownIdentity';
import { profileAccount } from '../../src/chain/profileAccount';
import { resolve } from '../../src/chain/resolve';
import { parseProfile } from '../../src/config/profile';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const CONFIG = `[profile alice]
mfa_serial = arn:aws:iam::111111111111:mfa/alice
[profile hardware]
mfa_serial = GAHT12345678
[profile temporary]
mfa_serial = arn:aws:iam::111111111111:mfa/alice
[profile admin]
role_arn = arn:aws:iam::222222222222:role/admin
source_profile = alice
[profile ci]
role_arn = arn:aws:iam::333333333333:role/ci
web_identity_token_file = /var/run/token
[profile orphan]
role_arn = arn:aws:iam::444444444444:role/orphan
[profile dev]
sso_session = corp
sso_account_id = 555555555555
sso_role_name = Dev
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
[profile console]
login_session = arn:aws:iam::666666666666:user/alice
[profile tool]
credential_process = /bin/creds
[profile regionOnly]
region = eu-west-1
`;
const CREDENTIALS = `[alice]
aws_access_key_id = AKIAALICE00000000001
aws_secret_access_key = s
[hardware]
aws_access_key_id = AKIAHARD000000000001
aws_secret_access_key = s
[temporary]
aws_access_key_id = ASIATEMP000000000001
aws_secret_access_key = s
aws_session_token = t
[plain]
aws_access_key_id = AKIAPLAIN00000000001
aws_secret_access_key = s
`;

describe(profileAccount.name, () => {
  const config = loadIni({ config: CONFIG, credentials: CREDENTIALS });
  it.each<[string, string | undefined, string]>([
    ['admin', '222222222222', 'a role: its ARN'],
    ['ci', '333333333333', 'web identity: the role\'s ARN'],
    ['orphan', '444444444444', 'a role without a source still names its account'],
    ['dev', '555555555555', 'IAM Identity Center: sso_account_id'],
    ['console', '666666666666', 'a console sign-in: the session\'s ARN'],
    ['alice', '111111111111', 'keys with a virtual MFA device: the device\'s ARN'],
    ['hardware', undefined, 'a hardware device\'s serial names no account'],
    ['temporary', undefined, 'keys with their own session token are exported as they are'],
    ['plain', undefined, 'keys alone'],
    ['tool', undefined, 'credential_process'],
    ['regionOnly', undefined, 'no source at all'],
  ])('%s: %s (%s)', (name, account) => {
    const parsed = parseProfile(config.profiles[name]);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(profileAccount(parsed.profile)).toBe(account);
  });

  // The picker and the summary line after the export must not disagree on the account.
  it.each(['admin', 'ci', 'dev', 'console', 'alice', 'hardware', 'temporary', 'plain', 'tool'])('%s: the account knownIdentity finds in the resolved chain', (name) => {
    const parsed = parseProfile(config.profiles[name]);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(profileAccount(parsed.profile)).toBe(knownIdentity(resolve(name, config, { env: {} })).account);
  });
});
