import { configError } from '../core/errors';
import { isTrue, type Env } from '../core/env';
import type { MetadataStep, StaticStep } from './types';

/**
 * The credential_source of a role: the keys in the environment, or the instance's or container's role. Each is
 * checked against the environment here, so a source that cannot work fails before any call.
 */
export function credentialSourceStep(name: string, source: string, env: Env): StaticStep | MetadataStep {
  switch (source) {
    case 'Environment': {
      if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) {
        throw configError('takes its source keys from the environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set', name);
      }
      return { kind: 'static', profile: `${name} (environment)`, accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }) };
    }
    case 'Ec2InstanceMetadata':
      if (isTrue(env.AWS_EC2_METADATA_DISABLED)) throw configError("uses the instance's role, but AWS_EC2_METADATA_DISABLED is true", name);
      return { kind: 'instanceMetadata', profile: name };
    case 'EcsContainer':
      if (!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI && !env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
        throw configError("uses the container's role, but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set", name, 'These are set inside ECS tasks and EKS pods with a role.');
      }
      return { kind: 'container', profile: name };
    default:
      throw configError(`has credential_source = ${source}`, name, 'It takes Environment, Ec2InstanceMetadata or EcsContainer.');
  }
}
