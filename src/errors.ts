/**
 * Errors are values: a kind (which decides the exit code), the profile they concern, a message and a hint.
 * Only cli/ prints them and exits, so every other module can stay free of process state.
 */
export const exitCodes = {
  internal: 1,
  usage: 2,
  config: 3,
  // A person has to act: type an MFA code, sign in.
  interaction: 4,
  // AWS answered and refused.
  aws: 5,
  network: 6,
  // `awsenv exec` could not start the command: the shells' codes for "not executable" and "not found".
  execDenied: 126,
  exec: 127,
} as const;

export type ErrorKind = keyof typeof exitCodes;

export class AwsenvError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly options: { profile?: string; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AwsenvError';
  }

  get profile(): string | undefined {
    return this.options.profile;
  }

  get hint(): string | undefined {
    return this.options.hint;
  }
}

export const configError = (message: string, profile?: string, hint?: string) =>
  new AwsenvError('config', message, { profile, hint });
