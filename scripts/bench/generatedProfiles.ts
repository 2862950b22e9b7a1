/**
 * `count` profiles as a large organisation's config holds them, generated from IAM Identity Center the way `awsenv sso
 * profiles` (or the AWS CLI's `aws configure sso`) writes them: three permission sets per account from the given
 * sso-session, and every fourth profile a role assumed from one of them. Deterministic, so every run of the bench
 * reads the same text.
 */
const PERMISSION_SETS = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];

export function generatedProfiles(count: number, ssoSession: string): string {
  const sections: string[] = [];
  let lastSso = '';
  for (let i = 0; i < count; i++) {
    const account = String(100000000000 + Math.floor(i / 4) * 7919).padStart(12, '0');
    const team = `team${String(Math.floor(i / 4)).padStart(5, '0')}`;
    const region = REGIONS[i % REGIONS.length];
    if (i % 4 === 3) {
      sections.push(`[profile ${team}-deploy]\nrole_arn = arn:aws:iam::${account}:role/deploy\nsource_profile = ${lastSso}\nregion = ${region}\n`);
      continue;
    }
    const role = PERMISSION_SETS[i % 4];
    lastSso = `${team}-${role}`;
    sections.push(`[profile ${lastSso}]\nsso_session = ${ssoSession}\nsso_account_id = ${account}\nsso_role_name = ${role}\nregion = ${region}\noutput = json\n`);
  }
  return sections.join('\n');
}
