import yargs, { type Argv } from 'yargs';
import { AwsenvError } from '../core/errors';
import { DEFAULT_TIMEOUT_MS } from '../aws/clientOptions';
import { parseDuration } from '../config/duration';
import { MFA_CODE } from '../interaction/mfaPrompt';
import { FROM_STDIN, MFA_CODE_VARIABLE } from './mfaCodeOf';
import { formatChoices } from '../render/formats';
import { SHELLS, type Command, type CredentialFlags, type ShellName } from './command';

interface Parsed {
  /** Undefined when yargs answered by itself (--help, --version). */
  readonly command?: Command;
  readonly debug: boolean;
  /** yargs' own answer to print, and whether it was asked through awsuse, whose stdout a shell evaluates. */
  readonly output?: { text: string; forShell: boolean };
}

const DEFAULT_TIMEOUT = `${DEFAULT_TIMEOUT_MS / 1000}s`;
// Beyond this, a bound no longer protects anyone waiting at a prompt; and timers stop at about 24 days.
const MAX_TIMEOUT_SECONDS = 3600;

const usage = (message: string, hint = 'Run "awsenv --help" for usage.') => new AwsenvError('usage', message, { hint });

function credentialOptions<T>(y: Argv<T>) {
  return y
    .positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' })
    .option('region', { alias: 'r', type: 'string', describe: 'Region to export and to call AWS in' })
    .option('mfa-code', { type: 'string', describe: `MFA code, for scripts: the 6 digits, or - to read them from stdin (or set ${MFA_CODE_VARIABLE}); otherwise asked on the terminal` })
    .option('duration', { type: 'string', describe: 'Lifetime of the credentials: seconds, or 15m, 1h, 12h' })
    .option('timeout', { type: 'string', default: DEFAULT_TIMEOUT, describe: 'Bound on each AWS call, retries included: seconds, or 45s, 2m' })
    .option('refresh', { type: 'boolean', default: false, describe: 'Ignore cached credentials and fetch new ones' })
    .option('no-cache', { type: 'boolean', default: false, describe: 'Neither read nor write the credential cache' })
    .option('role-arn', { type: 'string', describe: 'Assume this role without a profile (source: --source-profile, --web-identity, or the environment\'s keys)' })
    .option('source-profile', { type: 'string', describe: 'With --role-arn: the profile whose credentials assume the role' })
    .option('web-identity', { type: 'string', describe: 'With --role-arn: "github" for the GitHub Actions OIDC token, or a token file' })
    .option('audience', { type: 'string', describe: 'With --web-identity github: the token\'s audience (default sts.amazonaws.com)' })
    .option('role-session-name', { type: 'string', describe: 'With --role-arn: the role session name' });
}

const formatOption = <T>(y: Argv<T>) =>
  y.option('format', { alias: 'f', type: 'string', default: 'sh', describe: `Output format: ${formatChoices.join(', ')}` });

/** The credential flags, checked: a bad value is a usage error before anything else happens. */
export function credentialFlags(argv: Record<string, unknown>): CredentialFlags {
  const mfaCode = argv['mfa-code'] as string | undefined;
  if (mfaCode !== undefined && mfaCode !== FROM_STDIN && !MFA_CODE.test(mfaCode.trim())) throw usage('--mfa-code must be the 6 digits your MFA device shows, or - to read them from stdin');
  const duration = argv.duration as string | undefined;
  const durationSeconds = duration === undefined ? undefined : parseDuration(duration);
  if (duration !== undefined && !durationSeconds) throw usage(`--duration "${duration}" is not a duration`, 'Use seconds (3600) or 15m, 1h, 12h.');
  const timeout = String(argv.timeout ?? DEFAULT_TIMEOUT);
  const timeoutSeconds = parseDuration(timeout);
  if (!timeoutSeconds || timeoutSeconds > MAX_TIMEOUT_SECONDS) throw usage(`--timeout "${timeout}" is not a duration up to 1h`, 'Use seconds (30) or 45s, 2m.');
  const region = argv.region as string | undefined;
  if (region !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(region)) throw usage(`--region "${region}" is not a region name`, 'For example: eu-west-1.');
  const roleArn = argv['role-arn'] as string | undefined;
  const adHocOnly = ['source-profile', 'web-identity', 'audience', 'role-session-name'].filter((flag) => argv[flag] !== undefined);
  if (!roleArn && adHocOnly.length) throw usage(`--${adHocOnly[0]} goes with --role-arn`);
  if (argv.audience !== undefined && argv['web-identity'] !== 'github') throw usage('--audience goes with --web-identity github');
  const adHoc = roleArn
    ? { roleArn, sourceProfile: argv['source-profile'] as string | undefined, webIdentity: argv['web-identity'] as string | undefined, audience: argv.audience as string | undefined, roleSessionName: argv['role-session-name'] as string | undefined }
    : undefined;
  return {
    adHoc,
    profile: argv.profile as string | undefined,
    region,
    mfaCode: mfaCode?.trim(),
    durationSeconds,
    timeoutMs: timeoutSeconds * 1000,
    refresh: Boolean(argv.refresh),
    cache: !argv['no-cache'],
  };
}

/** Parses the command line into a Command value; --help and --version print and leave command undefined. */
export async function parseArgs(args: readonly string[]): Promise<Parsed> {
  let command: Command | undefined;
  const set = (c: Command) => {
    command = c;
  };
  let output = '';
  const argv = await yargs()
    .scriptName('awsenv')
    .usage('$0 [PROFILE] [flags]: print shell code that exports session credentials for an AWS profile')
    // A flag given twice takes its last value, as people expect when a wrapper adds one they also typed.
    .parserConfiguration({ 'populate--': true, 'boolean-negation': false, 'duplicate-arguments-array': false })
    .command(['export [profile]', '$0 [profile]'], 'Print shell code that exports the profile\'s credentials (the default command)', (y) =>
      formatOption(credentialOptions(y)).option('output', { alias: 'o', type: 'string', describe: 'Write the output to this file (mode 0600) instead of stdout' }), (a) =>
      set({ name: 'export', flags: credentialFlags(a), format: a.format, output: a.output }),
    )
    .command('exec [profile]', 'Run a command with the profile\'s credentials: awsenv exec PROFILE -- CMD [ARGS...]', (y) => credentialOptions(y), (a) =>
      set({ name: 'exec', flags: credentialFlags(a), command: ((a as Record<string, unknown>)['--'] as string[] | undefined ?? []).map(String) }),
    )
    .command('unset', 'Print shell code that clears everything an export sets', (y) => formatOption(y), (a) => set({ name: 'unset', format: a.format }))
    .command('list', 'List profile names, one a line', (y) => y.option('long', { alias: 'l', type: 'boolean', default: false, describe: 'Add each profile\'s kind and region' }), (a) =>
      set({ name: 'list', long: a.long }),
    )
    .command('init <shell>', 'Print the shell integration (awsuse and completion) for bash, zsh or fish', (y) => y.positional('shell', { choices: SHELLS, demandOption: true }), (a) =>
      set({ name: 'init', shell: a.shell as ShellName }),
    )
    .command('use [profile]', 'What awsuse runs: an export, or with no profile (or --unset) the code that clears it', (y) =>
      formatOption(credentialOptions(y)).option('unset', { alias: 'u', type: 'boolean', default: false, describe: 'Clear the exported credentials' }), (a) =>
      set({ name: 'use', flags: credentialFlags(a), format: a.format, unset: a.unset }),
    )
    .command('login [profile]', 'Sign in to IAM Identity Center for the profile (or the SSO profile its chain starts from)', (y) =>
      y.positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' }).option('no-browser', { type: 'boolean', default: false, describe: 'Only print the sign-in URL; do not open a browser' }), (a) =>
      set({ name: 'login', profile: a.profile, browser: !a['no-browser'] }),
    )
    .command('logout [profile]', 'Sign out of IAM Identity Center and forget the credentials that came from the sign-in', (y) =>
      y.positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' }).option('all', { type: 'boolean', default: false, describe: 'Sign out of every cached sign-in' }), (a) =>
      set({ name: 'logout', profile: a.profile, all: a.all }),
    )
    .command('sso', 'IAM Identity Center tools: awsenv sso profiles', (y) =>
      y
        .command('profiles [profile]', 'List every account and role the sign-in can use, as profile sections to paste', (p) =>
          p
            .positional('profile', { type: 'string', describe: 'A profile that signs in with IAM Identity Center' })
            .option('start-url', { type: 'string', describe: 'Sign in with this start URL instead of a profile' })
            .option('sso-region', { type: 'string', describe: 'The region of --start-url' })
            .option('write', { type: 'boolean', default: false, describe: 'Add the missing profiles to the config file (after a backup)' }), (a) =>
          set({ name: 'ssoProfiles', options: { profile: a.profile, startUrl: a['start-url'], ssoRegion: a['sso-region'], write: a.write } }),
        )
        .demandCommand(1, 'Name an sso subcommand: profiles'),
    )
    .option('debug', { type: 'boolean', default: false, global: true, describe: 'Show the resolved chain and every AWS call on stderr (secrets redacted)' })
    .example('eval "$(awsenv profile1)"', 'Export profile1\'s credentials in bash or zsh')
    .example('awsenv profile1 -f fish | source', 'The same in fish')
    .example('awsenv exec profile1 -- terraform plan', 'Run one command with them')
    .epilog('Shell integration: eval "$(awsenv init bash)" (or zsh, fish), then awsuse PROFILE.')
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stderr.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof AwsenvError ? error : usage(message ?? error?.message ?? 'invalid arguments');
    })
    // With a callback, yargs hands over its help and version text instead of printing it.
    .parseAsync(withStdinValues(args), {}, (_error, _argv, text) => {
      output = text;
    });
  return { command, debug: Boolean(argv.debug), output: output ? { text: output, forShell: argv._[0] === 'use' } : undefined };
}

/**
 * yargs takes a lone "-" after a flag for a word of its own, not for the flag's value; for --mfa-code it is the value
 * that means stdin, so it is joined to the flag (`--mfa-code=-`). Not past `--`, where the words are exec's command's.
 */
function withStdinValues(args: readonly string[]): string[] {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const joined: string[] = [];
  for (let i = 0; i < end; i++) {
    if (args[i] === '--mfa-code' && args[i + 1] === FROM_STDIN && i + 1 < end) joined.push(`--mfa-code=${args[++i]}`);
    else joined.push(args[i]);
  }
  return [...joined, ...args.slice(end)];
}
