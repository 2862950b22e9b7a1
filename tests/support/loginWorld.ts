import { CONSOLE_SESSION } from '../fakes/signin';

/** The console sign-in's world: a login_session profile, a role on it, and a role on that role. */
export { CONSOLE_SESSION };
export const DEPLOY_ROLE = 'arn:aws:iam::222222222222:role/deploy';

export const LOGIN_CONFIG = `[profile console]
login_session = ${CONSOLE_SESSION}
region = eu-west-1

[profile deploy]
role_arn = ${DEPLOY_ROLE}
source_profile = console

[profile deeper]
role_arn = ${DEPLOY_ROLE}
source_profile = deploy
region = us-west-2
`;
