import { DEFAULT_TIMEOUT_MS } from '../aws/clientOptions';
import { parseDuration } from '../config/duration';
import { mfaCodeIn } from '../core/mfaCode';
import type { CredentialFlags } from './command';
import { FROM_STDIN } from './mfaCodeOf';
import { usageError } from './usageError';

export const DEFAULT_TIMEOUT = `${DEFAULT_TIMEOUT_MS / 1000}s`;
// Beyond this, a bound no longer protects anyone waiting at a prompt; and timers stop at about 24 days.
const MAX_TIMEOUT_SECONDS = 3600;

/**
 * The credential flags, checked: a bad value is a usage error before anything else happens. They come keyed as yargs
 * names them (`mfa-code`, `no-cache`), a flag not given absent.
 */
export function credentialFlags(argv: Readonly<Record<string, unknown>>): CredentialFlags {
  const given = argv['mfa-code'] as string | undefined;
  const mfaCode = given === undefined || given === FROM_STDIN ? given : mfaCodeIn(given);
  if (given !== undefined && !mfaCode) throw usageError('--mfa-code must be the 6 digits your MFA device shows, or - to read them from stdin');
  const roleArn = argv['role-arn'] as string | undefined;
  const mfaSerial = argv['mfa-serial'] as string | undefined;
  // STS's own constraint on SerialNumber: an ARN, or a hardware device's serial.
  if (mfaSerial !== undefined && !/^[\w+=/:,.@-]{9,256}$/.test(mfaSerial)) {
    throw usageError(`--mfa-serial "${mfaSerial}" is not an MFA device`, 'Give the device\'s ARN as IAM shows it: arn:aws:iam::ACCOUNT:mfa/DEVICE.');
  }
  if (mfaSerial !== undefined && roleArn) throw usageError('--mfa-serial goes with a profile, not with --role-arn', 'Put mfa_serial in the source profile, or name a profile.');
  const duration = argv.duration as string | undefined;
  const durationSeconds = duration === undefined ? undefined : parseDuration(duration);
  if (duration !== undefined && !durationSeconds) throw usageError(`--duration "${duration}" is not a duration`, 'Use seconds (3600) or 15m, 1h, 12h.');
  const timeout = String(argv.timeout ?? DEFAULT_TIMEOUT);
  const timeoutSeconds = parseDuration(timeout);
  if (!timeoutSeconds || timeoutSeconds > MAX_TIMEOUT_SECONDS) throw usageError(`--timeout "${timeout}" is not a duration up to 1h`, 'Use seconds (30) or 45s, 2m.');
  const region = argv.region as string | undefined;
  if (region !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(region)) throw usageError(`--region "${region}" is not a region name`, 'For example: eu-west-1.');
  const adHocOnly = ['source-profile', 'web-identity', 'audience', 'role-session-name'].filter((flag) => argv[flag] !== undefined);
  if (!roleArn && adHocOnly.length) throw usageError(`--${adHocOnly[0]} goes with --role-arn`);
  if (argv.audience !== undefined && argv['web-identity'] !== 'github') throw usageError('--audience goes with --web-identity github');
  const adHoc = roleArn
    ? { roleArn, sourceProfile: argv['source-profile'] as string | undefined, webIdentity: argv['web-identity'] as string | undefined, audience: argv.audience as string | undefined, roleSessionName: argv['role-session-name'] as string | undefined }
    : undefined;
  return {
    adHoc,
    profile: argv.profile as string | undefined,
    region,
    mfaCode,
    mfaSerial,
    durationSeconds,
    timeoutMs: timeoutSeconds * 1000,
    refresh: Boolean(argv.refresh),
    cache: !argv['no-cache'],
    interactive: !argv['non-interactive'],
  };
}
