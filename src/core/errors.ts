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
  // AWS answered and refused: fix something (the code, the keys, the role's trust) before running again.
  aws: 5,
  // Try again: no answer (the endpoint cannot be reached or does not answer in time), a server error or throttling,
  // or an answer that is not the service's (a proxy's page, a redirect to a sign-in page, a cut or unreadable body).
  unavailable: 6,
  // A file awsenv was asked to write (--output, $GITHUB_ENV, the config file) cannot be written.
  file: 7,
  // `awsenv exec` could not start the command: the shells' codes for "not executable" and "not found".
  execDenied: 126,
  exec: 127,
  // Ctrl-C at a prompt: awsenv ends by SIGINT itself (cli/main), so the shell stops the rest of the command line;
  // this is the status a shell reports for that, used only if the signal does not end the process.
  interrupted: 130,
  // stdout's reader went away (`awsenv list | head -1`): awsenv ends by SIGPIPE, silently, as Unix tools do.
  brokenPipe: 141,
} as const;

export type ErrorKind = keyof typeof exitCodes;

export interface ErrorOptions {
  /** The profile where the failure happened. */
  readonly profile?: string;
  /** The profile the person asked for, when the failure happened on the way to it, at another one. */
  readonly requested?: string;
  readonly hint?: string;
  readonly cause?: unknown;
}

export class AwsenvError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** What went wrong, without the profile: the profile is named once, in front, by the message. */
    readonly detail: string,
    readonly options: ErrorOptions = {},
  ) {
    super(compose(detail, options), { cause: options.cause });
    this.name = 'AwsenvError';
  }

  get profile(): string | undefined {
    return this.options.profile;
  }

  get hint(): string | undefined {
    return this.options.hint;
  }

  /** The same error, naming the profile asked for too; the one place that context is added. */
  onTheWayTo(requested: string): AwsenvError {
    if (this.options.requested || !this.options.profile) return this;
    return new AwsenvError(this.kind, this.detail, { ...this.options, requested });
  }
}

function compose(detail: string, { profile, requested }: ErrorOptions): string {
  if (!profile) return detail;
  const via = requested && requested !== profile ? ` (on the way to "${requested}")` : '';
  return `profile "${profile}"${via}: ${detail}`;
}

export const configError = (detail: string, profile?: string, hint?: string) =>
  new AwsenvError('config', detail, { profile, hint });
