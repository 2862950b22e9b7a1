import type { AdHocRole } from '../chain/resolveAdHoc';

/** The flags of every command that obtains credentials (export, use, exec). */
export interface CredentialFlags {
  readonly profile?: string;
  readonly region?: string;
  /** --mfa-code: the 6 digits, or FROM_STDIN ("-") for the first line of stdin. */
  readonly mfaCode?: string;
  readonly durationSeconds?: number;
  /** The bound on each AWS call, retries included. */
  readonly timeoutMs: number;
  readonly refresh: boolean;
  readonly cache: boolean;
  /** --role-arn and its source, for a role named on the command line instead of in a profile. */
  readonly adHoc?: AdHocRole;
}

export interface SsoProfilesOptions {
  readonly profile?: string;
  readonly startUrl?: string;
  readonly ssoRegion?: string;
  readonly write: boolean;
}

/** How `awsenv login` signs in. */
export interface LoginOptions {
  /** false with --no-browser: the URL is only printed. */
  readonly browser: boolean;
  readonly useDeviceCode: boolean;
  /** The browser flow's listener port on 127.0.0.1; any free one when absent. */
  readonly redirectPort?: number;
  /** --sign-in-timeout: how long to wait for the person. */
  readonly waitMs?: number;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** One command line, parsed and checked: what main() runs. */
export type Command =
  | { name: 'export'; flags: CredentialFlags; format: string; output?: string }
  | { name: 'use'; flags: CredentialFlags; format: string; unset: boolean }
  | { name: 'exec'; flags: CredentialFlags; command: string[] }
  | { name: 'unset'; format: string }
  | { name: 'list'; long: boolean }
  | { name: 'init'; shell: ShellName }
  | { name: 'login'; profile?: string; signIn: LoginOptions }
  | { name: 'logout'; profile?: string; all: boolean }
  | { name: 'ssoProfiles'; options: SsoProfilesOptions };

export type CommandOf<N extends Command['name']> = Extract<Command, { name: N }>;

/** What parsing a command line gives. */
export interface ParsedArgs {
  /** Undefined when yargs answered by itself (--help, --version). */
  readonly command?: Command;
  readonly debug: boolean;
  /** yargs' own answer to print, and whether it was asked through awsuse, whose stdout a shell evaluates. */
  readonly output?: { text: string; forShell: boolean };
}
