import type { StaticStep } from '../chain/types';
import type { Credentials } from '../core/credentials';

export function staticKeys(step: StaticStep): Credentials {
  return { accessKeyId: step.accessKeyId, secretAccessKey: step.secretAccessKey, sessionToken: step.sessionToken };
}
