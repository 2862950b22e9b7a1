import { parseDuration } from '../config/duration';
import type { LoginOptions } from './command';
import { usageError } from './usageError';

// A device code lives ten minutes, and other shells wait for a sign-in only a little longer than that.
/** The longest --sign-in-timeout, and the wait without one. */
export const MAX_WAIT_SECONDS = 600;

/** `awsenv login`'s flags, checked: a bad value is a usage error before anything else happens. */
export function loginOptions(argv: Readonly<Record<string, unknown>>): LoginOptions {
  const useDeviceCode = Boolean(argv['use-device-code']);
  const port = argv['redirect-port'] as string | number | undefined;
  const redirectPort = port === undefined ? undefined : Number(port);
  if (redirectPort !== undefined && !(Number.isInteger(redirectPort) && redirectPort >= 1 && redirectPort <= 65535)) {
    throw usageError(`--redirect-port "${port}" is not a port number`, 'Use a free port from 1 to 65535, such as 8400.');
  }
  if (useDeviceCode && redirectPort !== undefined) throw usageError('--redirect-port is for the browser sign-in, and --use-device-code asks for the other one');
  const wait = argv['sign-in-timeout'] as string | undefined;
  const waitSeconds = wait === undefined ? undefined : parseDuration(wait);
  if (wait !== undefined && (!waitSeconds || waitSeconds > MAX_WAIT_SECONDS)) throw usageError(`--sign-in-timeout "${wait}" is not a duration up to 10m`, 'Use seconds (90) or 2m, 10m.');
  return {
    browser: !argv['no-browser'],
    useDeviceCode,
    ...(redirectPort !== undefined && { redirectPort }),
    ...(waitSeconds !== undefined && { waitMs: waitSeconds * 1000 }),
    ...(typeof argv.region === 'string' && argv.region.trim() && { region: argv.region.trim() }),
  };
}
