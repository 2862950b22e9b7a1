import type { Profile } from '../config/profile';
import type { StaticStep } from './types';

/** The keys written in a profile, as a step. */
export function staticStep(name: string, profile: Profile): StaticStep {
  return { kind: 'static', profile: name, accessKeyId: profile.aws_access_key_id!, secretAccessKey: profile.aws_secret_access_key!, sessionToken: profile.aws_session_token };
}
