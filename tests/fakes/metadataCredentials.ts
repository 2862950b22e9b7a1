import type { FakeSts } from './sts';
import { isoSeconds, newCredentials } from './stsCredentials';
import { roleSessionIdentity } from './stsRoleSession';

/** Role credentials as the instance metadata service and the container endpoints spell them. */
export interface MetadataCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token: string;
  /** RFC 3339 in whole seconds, e.g. "2026-01-02T03:04:05Z". */
  Expiration: string;
}

export interface RoleCredentials extends MetadataCredentials {
  RoleArn: string;
}

/**
 * A `credentials` source for the fake IMDS or container endpoint whose keys sign at `sts` as the session
 * `sessionName` of `roleArn` (an EC2 instance's session is named after its instance ID, an ECS task's after its
 * task ID). Like the real services it answers the same set until that expires, then issues a new one.
 */
export function stsRoleCredentials(sts: FakeSts, roleArn: string, sessionName: string, durationSeconds = 21600): () => RoleCredentials {
  let current: RoleCredentials | undefined;
  return () => {
    if (!current || Date.parse(current.Expiration) <= Date.now()) {
      const issued = newCredentials(roleSessionIdentity(roleArn, sessionName), durationSeconds);
      sts.adopt(issued);
      current = {
        AccessKeyId: issued.accessKeyId,
        SecretAccessKey: issued.secretAccessKey,
        Token: issued.sessionToken,
        Expiration: isoSeconds(issued.expiration),
        RoleArn: roleArn,
      };
    }
    return current;
  };
}
