import type { Env } from '../core/env';
import type { AwsConfig } from '../config/mergeSharedFiles';
import { signinTarget } from '../config/endpoints';
import type { Profile } from '../config/profile';
import type { LoginStep } from './types';

/**
 * The step of a login_session profile. The region here only serves a cache file that names no sign-in region (the
 * AWS CLI always writes one): a refresh must go to the region the sign-in happened in, which the file knows and the
 * profile may not. AWS_ENDPOINT_URL_SIGNIN and the profile's services section apply as the SDKs apply them.
 */
export function loginStep(name: string, profile: Profile, config: AwsConfig, env: Env, regionFlag?: string): LoginStep {
  return {
    kind: 'login',
    profile: name,
    loginSession: profile.login_session!,
    signin: signinTarget(profile, config, env, regionFlag),
  };
}
