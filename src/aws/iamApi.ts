import { z } from 'zod/v3';
import type { AwsTarget } from '../config/endpoints';
import { redactKey, type Credentials } from '../core/credentials';
import { AwsenvError } from '../core/errors';
import type { Logger } from '../core/logger';
import { clientOptions, describeTarget } from './clientOptions';
import { keysRefusal } from './keysRefusal';
import { readAnswer } from './readAnswer';
import { errorMessage, errorName } from './sdkErrorFields';
import { sdkCall } from './sdkErrors';

/** One MFA device of an IAM user, as ListMFADevices gives it. */
export interface MfaDevice {
  readonly serial: string;
  readonly enabledAt?: Date;
}

/** The IAM operations awsenv uses. */
export interface IamApi {
  /** The MFA devices of the IAM user whose keys sign the call, every page of them. */
  listOwnMfaDevices(): Promise<MfaDevice[]>;
}

// IAM always sends the list, empty or not; without it the answer is some other server's.
const page = z.object({
  // The serial is written into the config file (mfa setup): an ARN or a hardware serial, never more than one line.
  MFADevices: z.array(z.object({ SerialNumber: z.string().regex(/^[\w+=,.@:/-]{1,256}$/), EnableDate: z.date().optional() })),
  IsTruncated: z.boolean().optional(),
  Marker: z.string().optional(),
});

/** An IamApi over the SDK client, loaded on this path only, signed with the profile's keys. */
export async function createIamApi(target: AwsTarget, credentials: Credentials, profile: string, log: Logger, timeoutMs: number): Promise<IamApi> {
  const sdk = await import('@aws-sdk/client-iam');
  const client = new sdk.IAMClient({
    ...clientOptions(target),
    profile,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken },
  });
  const at = { service: 'IAM', operation: 'ListMFADevices', endpoint: describeTarget(target), profile, log, timeoutMs, detail: `signed by ${redactKey(credentials.accessKeyId)}` };
  return {
    async listOwnMfaDevices() {
      const devices: MfaDevice[] = [];
      let marker: string | undefined;
      do {
        // No UserName: IAM answers for the user whose keys signed the request.
        const output = await sdkCall(at, (o) => client.send(new sdk.ListMFADevicesCommand({ Marker: marker }), o), (error) => iamRefused(error, profile));
        const read = readAnswer(at, output, output, page, 'the list of MFA devices');
        devices.push(...read.MFADevices.map((d) => ({ serial: d.SerialNumber, enabledAt: d.EnableDate })));
        marker = read.IsTruncated ? read.Marker : undefined;
      } while (marker);
      return devices;
    },
  };
}

function iamRefused(error: unknown, profile: string): AwsenvError {
  const name = errorName(error);
  const said = errorMessage(error).trim();
  const keys = keysRefusal(name, profile, error);
  if (keys) return keys;
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    const user = /User: (\S+) is not authorized/.exec(said)?.[1] ?? 'the IAM user of these keys';
    return new AwsenvError('aws', `${user} may not list its own MFA devices (iam:ListMFADevices)`, {
      profile,
      hint: 'Allow the user iam:ListMFADevices on itself (Resource arn:aws:iam::*:user/${aws:username}), or copy the device\'s ARN from the IAM console (Security credentials) into mfa_serial by hand.',
      cause: error,
    });
  }
  return new AwsenvError('aws', `IAM ListMFADevices failed: ${name}${said && said !== name ? `: ${said}` : ''}`, { profile, cause: error });
}
