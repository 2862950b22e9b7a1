import { configError } from '../core/errors';
import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import type { Profile } from '../config/profile';
import { serviceTarget } from '../config/endpoints';
import type { SignInFlow, SsoSession, SsoStep } from './types';

const SESSION_KEYS = ['sso_start_url', 'sso_region'] as const;

/** The SSO step of a profile with sso_* settings: the sign-in it uses and the account and role it asks for. */
export function resolveSso(name: string, profile: Profile, config: AwsConfig, env: Env): SsoStep {
  const session = ssoSessionOf(name, profile, config, env);
  const missing = (['sso_account_id', 'sso_role_name'] as const).filter((key) => !profile[key]);
  if (missing.length) {
    throw configError(`signs in with IAM Identity Center but has no ${missing.join(' or ')}`, name, 'Add the account and the permission set (role) to use; "awsenv sso profiles" lists them.');
  }
  return { kind: 'sso', profile: name, accountId: profile.sso_account_id!, roleName: profile.sso_role_name!, session };
}

/**
 * The sign-in of a profile: its [sso-session NAME] section, or its own legacy keys. Every key must be there, and a
 * legacy key written beside sso_session must agree with the section, as the AWS CLI insists.
 */
export function ssoSessionOf(name: string, profile: Profile, config: AwsConfig, env: Env): SsoSession {
  const endpoints = (region: string) => ssoEndpoints(profile, config, env, region);
  if (profile.sso_session) {
    const section = config.ssoSessions[profile.sso_session];
    if (!section) {
      const known = Object.keys(config.ssoSessions);
      throw configError(`names sso_session "${profile.sso_session}", which does not exist`, name, known.length ? `Known sso-session sections: ${known.join(', ')}.` : `Add a [sso-session ${profile.sso_session}] section with sso_start_url and sso_region.`);
    }
    const missing = SESSION_KEYS.filter((key) => !section[key]?.trim());
    if (missing.length) throw configError(`its sso-session "${profile.sso_session}" has no ${missing.join(' or ')}`, name);
    for (const key of SESSION_KEYS) {
      if (profile[key] && profile[key] !== section[key].trim()) {
        throw configError(`has ${key} = ${profile[key]}, but its sso-session "${profile.sso_session}" says ${section[key].trim()}`, name, `Remove ${key} from the profile: the sso-session section is where it belongs.`);
      }
    }
    const scopes = section.sso_registration_scopes?.split(',').map((s) => s.trim()).filter(Boolean);
    const signInFlow = signInFlowOf(section[SIGN_IN_FLOW_KEY], profile.sso_session, name);
    return {
      name: profile.sso_session,
      startUrl: section.sso_start_url.trim(),
      region: section.sso_region.trim(),
      ...(scopes?.length && { scopes }),
      ...(signInFlow && { signInFlow }),
      ...endpoints(section.sso_region.trim()),
    };
  }
  const missing = SESSION_KEYS.filter((key) => !profile[key]);
  if (missing.length) {
    throw configError(`signs in with IAM Identity Center but has no ${missing.join(' or ')}`, name, 'Give it sso_session = NAME and a [sso-session NAME] section, or sso_start_url and sso_region.');
  }
  return { startUrl: profile.sso_start_url!, region: profile.sso_region!, ...endpoints(profile.sso_region!) };
}

/** awsenv's own key in an sso-session section, for people who always want one flow. */
export const SIGN_IN_FLOW_KEY = 'awsenv_sign_in_flow';
const SIGN_IN_FLOWS: Readonly<Record<string, SignInFlow | undefined>> = { auto: undefined, 'device-code': 'deviceCode', 'authorization-code': 'authCode' };

function signInFlowOf(value: string | undefined, session: string, name: string): SignInFlow | undefined {
  const setting = value?.trim().toLowerCase();
  if (!setting) return undefined;
  if (!Object.hasOwn(SIGN_IN_FLOWS, setting)) {
    throw configError(`its sso-session "${session}" has ${SIGN_IN_FLOW_KEY} = ${value}`, name, `Use ${Object.keys(SIGN_IN_FLOWS).join(', ')}.`);
  }
  return SIGN_IN_FLOWS[setting];
}

/** The two services a sign-in talks to, each at its configured endpoint if any. */
export const ssoEndpoints = (profile: Profile, config: AwsConfig, env: Env, region: string) => ({
  oidc: serviceTarget('SSO OIDC', profile, config, env, region),
  portal: serviceTarget('SSO', profile, config, env, region),
});
