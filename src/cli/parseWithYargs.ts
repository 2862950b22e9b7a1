import yargs, { type Argv } from 'yargs';
import { AwsenvError } from '../core/errors';
import { FROM_STDIN, MFA_CODE_VARIABLE } from './mfaCodeOf';
import { formatChoices } from '../render/formats';
import { SHELLS, type Command, type ParsedArgs } from './command';
import { commandOf, DEFAULT_FORMAT } from './commandOf';
import { DEFAULT_TIMEOUT } from './credentialFlags';
import { usageError } from './usageError';
import { withExecSeparator } from './execCommandLine';
import { helpWidth } from './helpPages';

function credentialOptions<T>(y: Argv<T>) {
  return y
    .positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' })
    .option('region', { alias: 'r', type: 'string', describe: 'Region to export and to call AWS in' })
    .option('mfa-code', { type: 'string', describe: `MFA code, for scripts: the 6 digits, or - to read them from stdin (or set ${MFA_CODE_VARIABLE}); otherwise asked on the terminal` })
    .option('mfa-serial', { type: 'string', describe: 'MFA device (its ARN) for a one-off MFA session, as if the profile said mfa_serial = ARN' })
    .option('duration', { type: 'string', describe: 'Lifetime of the credentials: seconds, or 15m, 1h, 12h' })
    .option('timeout', { type: 'string', default: DEFAULT_TIMEOUT, describe: 'Bound on each AWS call, retries included: seconds, or 45s, 2m' })
    .option('refresh', { type: 'boolean', default: false, describe: 'Ignore cached credentials and fetch new ones' })
    .option('no-cache', { type: 'boolean', default: false, describe: 'Neither read nor write the credential cache' })
    .option('non-interactive', { type: 'boolean', default: false, describe: 'Never wait for a person: no MFA prompt, mfa_process or sign-in; fail (exit 4) where one is needed' })
    .option('role-arn', { type: 'string', describe: 'Assume this role without a profile (source: --source-profile, --web-identity, or the environment\'s keys)' })
    .option('source-profile', { type: 'string', describe: 'With --role-arn: the profile whose credentials assume the role' })
    .option('web-identity', { type: 'string', describe: 'With --role-arn: "github" for the GitHub Actions OIDC token, or a token file' })
    .option('audience', { type: 'string', describe: 'With --web-identity github: the token\'s audience (default sts.amazonaws.com)' })
    .option('role-session-name', { type: 'string', describe: 'With --role-arn: the role session name' });
}

const formatOption = <T>(y: Argv<T>) =>
  y.option('format', { alias: 'f', type: 'string', default: DEFAULT_FORMAT, describe: `Output format: ${formatChoices.join(', ')}` });

/**
 * Parses any command line into a Command value, as parseArgs does, with yargs; --help and --version print and leave
 * command undefined.
 */
export async function parseWithYargs(args: readonly string[]): Promise<ParsedArgs> {
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
      set(commandOf.export(a)),
    )
    .command('exec [profile]', 'Run a command (or, with none, $SHELL) with the profile\'s credentials: awsenv exec PROFILE [--] [CMD [ARGS...]]', (y) => credentialOptions(y), (a) =>
      set(commandOf.exec(a)),
    )
    .command('unset', 'Print shell code that clears everything an export sets', (y) => formatOption(y), (a) => set(commandOf.unset(a)))
    .command('list', 'List profile names, one a line', (y) => y.option('long', { alias: 'l', type: 'boolean', default: false, describe: 'Add each profile\'s kind and region' }), (a) =>
      set(commandOf.list(a)),
    )
    .command('init <shell>', 'Print the shell integration (awsuse and completion) for bash, zsh, fish or powershell', (y) => y.positional('shell', { choices: SHELLS, demandOption: true }), (a) =>
      set(commandOf.init(a)),
    )
    .command('use [profile]', 'What awsuse runs: awsuse PROFILE exports the profile; a bare awsuse opens a picker over the profiles on the terminal (without one: lists them and fails); awsuse -u clears', (y) =>
      formatOption(credentialOptions(y))
        .positional('profile', { type: 'string', describe: 'Profile to export; without one, picked on the terminal (type to filter, arrows, Enter; Esc cancels), starting at $AWSENV_PROFILE, else $AWS_PROFILE' })
        .option('unset', { alias: 'u', type: 'boolean', default: false, describe: 'Clear the exported credentials instead (a profile or other flags given are ignored, with a warning)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print no summary line (profile, account, role, until when) on stderr' })
        .option('auto-refresh', { type: 'boolean', default: false, describe: 'Before a prompt, when the credentials near their end, export new ones if no person is needed (shell integration)' }), (a) =>
      set(commandOf.use(a)),
    )
    .command(['status', 'whoami'], 'Show the exported profile, its account and identity (STS GetCallerIdentity) and the time left', (y) =>
      y.option('json', { type: 'boolean', default: false, describe: 'One JSON object instead of lines for a person' }), (a) =>
      set(commandOf.status(a)),
    )
    .command('prompt', 'A short segment for a shell prompt, from the environment alone: "admin (42m)"; nothing when nothing is exported', (y) =>
      y.option('format', { alias: 'f', type: 'string', describe: 'The segment\'s template: {profile} and {left} (the time left, "expired", or empty for keys without an expiry)' }), (a) =>
      set(commandOf.prompt(a)),
    )
    .command('login [profile]', 'Sign in for the profile: IAM Identity Center, or the AWS console (login_session) as aws login does', (y) =>
      y
        .positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' })
        .option('no-browser', { type: 'boolean', default: false, describe: 'Only print the sign-in URL; do not open a browser' })
        .option('use-device-code', { type: 'boolean', default: false, describe: 'Sign in with a code shown in any browser, instead of a browser on this machine' })
        .option('redirect-port', { type: 'string', describe: 'The browser sign-in\'s port on 127.0.0.1 (default: any free one), e.g. for an SSH tunnel' })
        .option('sign-in-timeout', { type: 'string', describe: 'How long to wait for the sign-in: seconds, or 2m, 10m (default and most 10m)' })
        .option('region', { alias: 'r', type: 'string', describe: 'A console sign-in\'s region, written into the profile (default: the profile\'s, else us-east-1)' }), (a) =>
      set(commandOf.login(a)),
    )
    .command('logout [profile]', 'Sign out of IAM Identity Center and forget the credentials that came from the sign-in', (y) =>
      y.positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' }).option('all', { type: 'boolean', default: false, describe: 'Sign out of every cached sign-in' }), (a) =>
      set(commandOf.logout(a)),
    )
    .command('sso', 'IAM Identity Center tools: awsenv sso profiles', (y) =>
      y
        .command('profiles [profile]', 'List every account and role the sign-in can use, as sso-session profile sections to paste', (p) =>
          p
            .positional('profile', { type: 'string', describe: 'A profile that signs in with IAM Identity Center' })
            .option('start-url', { type: 'string', describe: 'Sign in with this start URL instead of a profile' })
            .option('sso-region', { type: 'string', describe: 'The region of --start-url (not needed when an sso-session of the config has that start URL)' })
            .option('session-name', { type: 'string', describe: 'The sso-session to add for a start URL (default: the start URL\'s subdomain)' })
            .option('region', { alias: 'r', type: 'string', describe: 'The profiles\' region (default: the profile\'s own region, else the SSO region)' })
            .option('write', { type: 'boolean', default: false, describe: 'Add the missing profiles to the config file (after a backup)' }), (a) =>
          set(commandOf.ssoProfiles(a)),
        )
        .demandCommand(1, 'Name an sso subcommand: profiles'),
    )
    .command('mfa', 'MFA tools: awsenv mfa setup', (y) =>
      y
        .command('setup [profile]', 'Find the MFA device of the profile\'s IAM user and write its mfa_serial into the config file (after a backup)', (p) =>
          p
            .positional('profile', { type: 'string', describe: 'A profile with an IAM user\'s access keys (default: $AWS_PROFILE, else "default")' })
            .option('serial', { type: 'string', describe: 'The device to write, for scripts: the ARN of one of the user\'s MFA devices' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace an mfa_serial the profile already has' }), (a) =>
          set(commandOf.mfaSetup(a)),
        )
        .demandCommand(1, 'Name an mfa subcommand: setup'),
    )
    .command('console [profile]', 'Open the AWS Management Console signed in as the profile (--print: print the sign-in URL instead)', (y) =>
      y
        .positional('profile', { type: 'string', describe: 'Profile name (default: $AWS_PROFILE, else "default")' })
        .option('print', { type: 'boolean', default: false, describe: 'Print the sign-in URL on stdout (a secret for 15 minutes) instead of opening a browser' })
        .option('service', { type: 'string', describe: 'Land on this service\'s console page, e.g. s3, ec2' })
        .option('region', { alias: 'r', type: 'string', describe: 'The console\'s region, and where to call AWS' })
        .option('duration', { type: 'string', describe: 'Length of the console session, for a role (up to 12h) or long-term keys (up to 36h)' })
        .option('mfa-code', { type: 'string', describe: `MFA code, for scripts: the 6 digits, or - to read them from stdin (or set ${MFA_CODE_VARIABLE})` })
        .option('mfa-serial', { type: 'string', describe: 'MFA device (its ARN), as if the profile said mfa_serial = ARN' })
        .option('timeout', { type: 'string', default: DEFAULT_TIMEOUT, describe: 'Bound on each AWS call, retries included: seconds, or 45s, 2m' })
        .option('refresh', { type: 'boolean', default: false, describe: 'Ignore cached credentials and fetch new ones' })
        .option('no-cache', { type: 'boolean', default: false, describe: 'Neither read nor write the credential cache' }), (a) =>
      set(commandOf.console(a)),
    )
    .option('debug', { type: 'boolean', default: false, global: true, describe: 'Show the resolved chain and every AWS call on stderr (secrets redacted)' })
    .example('creds=$(awsenv profile1) && eval "$creds"', 'Export profile1\'s credentials in bash or zsh, stopping if awsenv fails')
    .example('awsenv profile1 -f fish | source', 'The same in fish')
    .example('awsenv exec profile1 -- terraform plan', 'Run one command with them')
    .epilog('Shell integration: eval "$(awsenv init bash)" (or zsh, fish), then awsuse PROFILE.')
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(helpWidth())
    // awsenv's own words are English: a page of them under headings in the user's language would read as a mistake.
    .detectLocale(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof AwsenvError ? error : usageError(onceEach(message ?? error?.message ?? 'invalid arguments'));
    })
    // With a callback, yargs hands over its help and version text instead of printing it.
    .parseAsync(withStdinValues(withExecSeparator(args)), {}, (_error, _argv, text) => {
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

/**
 * yargs names an unknown flag under each of its spellings (`Unknown arguments: mfa-serial, mfaSerial`): once each,
 * as typed with its dashes, so the message reads as the line did.
 */
function onceEach(message: string): string {
  const listed = /^Unknown arguments?: (.*)$/.exec(message);
  if (!listed) return message;
  const names = listed[1].split(', ');
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const kept = names.filter((name) => name === kebab(name) || !names.includes(kebab(name)));
  const shown = kept.map((name) => (name.length > 1 ? `--${name}` : name.length === 1 && /[a-z]/i.test(name) ? `-${name}` : name));
  return `Unknown ${shown.length > 1 ? 'arguments' : 'argument'}: ${shown.join(', ')}`;
}
