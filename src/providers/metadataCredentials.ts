import type { MetadataStep } from '../chain/types';
import { AwsenvError } from '../errors';
import type { Credentials } from './credentials';

/**
 * The instance's role (IMDSv2: a token PUT, then the role's credentials) or the container's (ECS, EKS Pod Identity),
 * through the SDK's own providers, which honour AWS_EC2_METADATA_SERVICE_ENDPOINT, AWS_EC2_METADATA_DISABLED and the
 * AWS_CONTAINER_* variables. Loaded on this path only.
 */
export async function metadataCredentials(step: MetadataStep): Promise<Credentials> {
  const what = step.kind === 'instanceMetadata' ? "the instance's role" : "the container's role";
  try {
    const provider =
      step.kind === 'instanceMetadata'
        ? (await import('@smithy/credential-provider-imds')).fromInstanceMetadata({ timeout: 2000, maxRetries: 2 })
        : (await import('@aws-sdk/credential-provider-http')).fromHttp({ timeout: 2000, maxRetries: 2 });
    const c = await provider();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  } catch (error) {
    throw new AwsenvError('network', `could not get the credentials of ${what} for profile "${step.profile}" (${(error as Error).message})`, { profile: step.profile, cause: error });
  }
}
