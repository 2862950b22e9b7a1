import type { CommandOf } from './command';
import { credentialFlags } from './credentialFlags';
import { usageError } from './usageError';

/**
 * `awsenv console`'s value from its flags. --duration is the console session's, not the credentials': it is taken
 * out of the credential flags, so the chain is run exactly as an export runs it.
 */
export function consoleOf(argv: Readonly<Record<string, unknown>>): CommandOf<'console'> {
  const { durationSeconds, ...flags } = credentialFlags(argv);
  const service = argv.service as string | undefined;
  // It becomes a path segment of the console URL.
  if (service !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(service)) throw usageError(`--service "${service}" is not a console service name`, 'For example: s3, ec2, cloudwatch.');
  return { name: 'console', flags, console: { print: Boolean(argv.print), service, sessionSeconds: durationSeconds } };
}
