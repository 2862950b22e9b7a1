/**
 * The words awsenv reads as a command when one comes first on the line, those of commands still to come included, so
 * that a line written for a later awsenv never exports a profile of that name. A profile named like one is reached
 * with `awsenv export NAME`. Both parsers and the unknown-profile suggestion read this one list.
 */
export const COMMAND_WORDS: readonly string[] = ['export', 'use', 'unset', 'list', 'init', 'exec', 'login', 'logout', 'sso', 'mfa', 'status', 'whoami', 'prompt', 'console'];
