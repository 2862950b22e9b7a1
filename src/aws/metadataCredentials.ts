import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';

/** The two metadata sources of credential_source: the instance's role and the container's. */
export type MetadataSource = 'instanceMetadata' | 'container';

/**
 * The instance's role (IMDSv2: a token PUT, then the role's credentials) or the container's (ECS, EKS Pod Identity),
 * through the SDK's own providers, which honour AWS_EC2_METADATA_SERVICE_ENDPOINT, AWS_EC2_METADATA_DISABLED and the
 * AWS_CONTAINER_* variables. Loaded on this path only.
 */
export async function metadataCredentials(source: MetadataSource, profile: string): Promise<Credentials> {
  const what = source === 'instanceMetadata' ? "the instance's role" : "the container's role";
  try {
    const provider =
      source === 'instanceMetadata'
        ? (await import('@smithy/credential-provider-imds')).fromInstanceMetadata({ timeout: 2000, maxRetries: 2 })
        : (await import('@aws-sdk/credential-provider-http')).fromHttp({ timeout: 2000, maxRetries: 2 });
    const c = await provider();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  } catch (error) {
    throw new AwsenvError('unavailable', `could not get the credentials of ${what} (${(error as Error).message})`, { profile, cause: error });
  }
}
