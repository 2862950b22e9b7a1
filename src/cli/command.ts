import type { AdHocRole } from '../chain/resolveAdHoc';

/** The flags of every command that obtains credentials (export, use, exec). */
export interface CredentialFlags {
  readonly profile?: string;
  readonly region?: string;
  /** --mfa-code: the 6 digits, or FROM_STDIN ("-") for the first line of stdin. */
  readonly mfaCode?: string;
  /** --mfa-serial: the MFA device of the profile asked for, in place of its mfa_serial. */
  readonly mfaSerial?: string;
  readonly durationSeconds?: number;
  /** The bound on each AWS call, retries included. */
  readonly timeoutMs: number;
  readonly refresh: boolean;
  readonly cache: boolean;
  /** false with --non-interactive: nothing may wait for a person (no MFA prompt, mfa_process or sign-in). */
  readonly interactive: boolean;
  /** --role-arn and its source, for a role named on the command line instead of in a profile. */
  readonly adHoc?: AdHocRole;
}

export interface SsoProfilesOptions {
  readonly profile?: string;
  readonly startUrl?: string;
  readonly ssoRegion?: string;
  /** The sso-session to add for --start-url (or a legacy profile), instead of one named after the portal. */
  readonly sessionName?: string;
  /** The region of the written profiles, instead of the profile's or the SSO region. */
  readonly region?: string;
  readonly write: boolean;
}

export interface MfaSetupOptions {
  readonly profile?: string;
  /** --serial: the device to write, which must be one of the user's; without it the only one, or asked. */
  readonly serial?: string;
  /** --force: look the devices up and write again when the profile already has an mfa_serial. */
  readonly force: boolean;
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
  /** --region: where a console sign-in is made, written into the profile. */
  readonly region?: string;
}

/** How `awsenv console` signs the browser in, and where it lands. */
export interface ConsoleOptions {
  /** --print: the sign-in URL on stdout instead of a browser. */
  readonly print: boolean;
  /** --service: the console page of this service (s3, ec2), else the console's home. */
  readonly service?: string;
  /** --duration: the console session's length (SessionDuration, or GetFederationToken's for long-term keys). */
  readonly sessionSeconds?: number;
}

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type ShellName = (typeof SHELLS)[number];

/** One command line, parsed and checked: what main() runs. */
export type Command =
  | { name: 'export'; flags: CredentialFlags; format: string; output?: string }
  | { name: 'use'; flags: CredentialFlags; format: string; unset: boolean; quiet: boolean; autoRefresh: boolean }
  | { name: 'exec'; flags: CredentialFlags; command: string[] }
  | { name: 'unset'; format: string }
  | { name: 'list'; long: boolean }
  | { name: 'init'; shell: ShellName }
  | { name: 'login'; profile?: string; signIn: LoginOptions }
  | { name: 'logout'; profile?: string; all: boolean }
  | { name: 'ssoProfiles'; options: SsoProfilesOptions }
  | { name: 'mfaSetup'; options: MfaSetupOptions }
  | { name: 'console'; flags: CredentialFlags; console: ConsoleOptions }
  | { name: 'status'; json: boolean }
  /** What the shell integrations ask on TAB: the words after `awsenv __complete`, the last one under the cursor. */
  | { name: 'complete'; words: readonly string[] }
  /** format: --format's template of {profile} and {left}; without it, "{profile} ({left})", or "{profile}" for keys without an expiry. */
  | { name: 'prompt'; format?: string };

export type CommandOf<N extends Command['name']> = Extract<Command, { name: N }>;

/** What parsing a command line gives. */
export interface ParsedArgs {
  /** Undefined when yargs answered by itself (--help, --version). */
  readonly command?: Command;
  readonly debug: boolean;
  /** yargs' own answer to print, and whether it was asked through awsuse, whose stdout a shell evaluates. */
  readonly output?: { text: string; forShell: boolean };
}
