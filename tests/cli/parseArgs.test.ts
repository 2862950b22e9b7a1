import { AwsenvError } from '../../src/core/errors';
import type { Command, CredentialFlags } from '../../src/cli/command';
import { parseArgs } from '../../src/cli/parseArgs';

const ROLE = 'arn:aws:iam::222222222222:role/admin';

/** The credential flags when none are given, with the ones a case sets. */
const flags = (set: Partial<CredentialFlags> = {}): CredentialFlags => ({ refresh: false, cache: true, interactive: true, timeoutMs: 30000, ...set });

/** What parseArgs refused with; fails the test when it did not refuse. */
async function refusal(args: string[]): Promise<AwsenvError> {
  const error = await parseArgs(args).then(
    (parsed) => {
      throw new Error(`parsed ${JSON.stringify(args)} as ${JSON.stringify(parsed)}`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(AwsenvError);
  return error as AwsenvError;
}

describe(parseArgs.name, () => {
  it.each<{ args: string[]; command: Command; debug?: boolean }>([
    { args: [], command: { name: 'export', flags: flags(), format: 'sh' } },
    { args: ['dev'], command: { name: 'export', flags: flags({ profile: 'dev' }), format: 'sh' } },
    { args: ['export'], command: { name: 'export', flags: flags(), format: 'sh' } },
    { args: ['export', 'list', '-f', 'json', '-o', 'creds.json'], command: { name: 'export', flags: flags({ profile: 'list' }), format: 'json', output: 'creds.json' } },
    {
      args: ['dev', '-r', 'eu-west-1', '--mfa-code', ' 123456 ', '--duration', '1h30m', '--refresh', '--no-cache'],
      command: { name: 'export', flags: flags({ profile: 'dev', region: 'eu-west-1', mfaCode: '123456', durationSeconds: 5400, refresh: true, cache: false }), format: 'sh' },
    },
    {
      args: ['--role-arn', ROLE, '--web-identity', 'github', '--audience', 'sigstore', '--role-session-name', 'ci'],
      command: { name: 'export', flags: flags({ adHoc: { roleArn: ROLE, webIdentity: 'github', audience: 'sigstore', roleSessionName: 'ci' } }), format: 'sh' },
    },
    { args: ['--role-arn', ROLE, '--source-profile', 'base'], command: { name: 'export', flags: flags({ adHoc: { roleArn: ROLE, sourceProfile: 'base' } }), format: 'sh' } },
    // Codes as authenticator apps show them: spaces and dashes go, 6 digits stay.
    { args: ['dev', '--mfa-code', '135 790'], command: { name: 'export', flags: flags({ profile: 'dev', mfaCode: '135790' }), format: 'sh' } },
    { args: ['dev', '--mfa-code=135-790'], command: { name: 'export', flags: flags({ profile: 'dev', mfaCode: '135790' }), format: 'sh' } },
    { args: ['dev', '--mfa-serial', 'arn:aws:iam::111111111111:mfa/alice'], command: { name: 'export', flags: flags({ profile: 'dev', mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' }), format: 'sh' } },
    { args: ['exec', 'p', '--mfa-serial=GAHT12345678', '--', 'cmd'], command: { name: 'exec', flags: flags({ profile: 'p', mfaSerial: 'GAHT12345678' }), command: ['cmd'] } },
    // A word that is no command is a profile name.
    { args: ['listt'], command: { name: 'export', flags: flags({ profile: 'listt' }), format: 'sh' } },
    { args: ['use'], command: { name: 'use', flags: flags(), format: 'sh', unset: false, quiet: false, autoRefresh: false } },
    { args: ['use', 'dev'], command: { name: 'use', flags: flags({ profile: 'dev' }), format: 'sh', unset: false, quiet: false, autoRefresh: false } },
    { args: ['use', '--unset', '-f', 'fish'], command: { name: 'use', flags: flags(), format: 'fish', unset: true, quiet: false, autoRefresh: false } },
    { args: ['use', 'dev', '-u'], command: { name: 'use', flags: flags({ profile: 'dev' }), format: 'sh', unset: true, quiet: false, autoRefresh: false } },
    { args: ['use', 'dev', '--quiet'], command: { name: 'use', flags: flags({ profile: 'dev' }), format: 'sh', unset: false, quiet: true, autoRefresh: false } },
    { args: ['use', 'dev', '--auto-refresh'], command: { name: 'use', flags: flags({ profile: 'dev' }), format: 'sh', unset: false, quiet: false, autoRefresh: true } },
    { args: ['use', 'dev', '--non-interactive', '-q'], command: { name: 'use', flags: flags({ profile: 'dev', interactive: false }), format: 'sh', unset: false, quiet: true, autoRefresh: false } },
    { args: ['dev', '--non-interactive'], command: { name: 'export', flags: flags({ profile: 'dev', interactive: false }), format: 'sh' } },
    { args: ['use', '-q', 'dev', '-f', 'fish'], command: { name: 'use', flags: flags({ profile: 'dev' }), format: 'fish', unset: false, quiet: true, autoRefresh: false } },
    { args: ['exec', 'p', '--', 'cmd', 'a', 'b'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: ['cmd', 'a', 'b'] } },
    // Past `--` every word is the command's, --debug too.
    { args: ['exec', 'p', '--', 'cmd', '--debug', '-r', 'x'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: ['cmd', '--debug', '-r', 'x'] }, debug: false },
    { args: ['exec', 'p', '--debug', '--', 'cmd'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: ['cmd'] }, debug: true },
    { args: ['exec', 'p'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: [] } },
    // Without --, the word after the profile starts the command; flags before it are exec's.
    { args: ['exec', 'p', 'cmd', 'a', '-x'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: ['cmd', 'a', '-x'] } },
    { args: ['exec', '-r', 'eu-west-1', 'p', '--refresh', 'cmd'], command: { name: 'exec', flags: flags({ profile: 'p', region: 'eu-west-1', refresh: true }), command: ['cmd'] } },
    { args: ['exec', 'p', '--debug', 'cmd'], command: { name: 'exec', flags: flags({ profile: 'p' }), command: ['cmd'] }, debug: true },
    { args: ['exec', 'p', '--timeout=5', 'cmd', 'list'], command: { name: 'exec', flags: flags({ profile: 'p', timeoutMs: 5000 }), command: ['cmd', 'list'] } },
    { args: ['dev', '--timeout', '2m'], command: { name: 'export', flags: flags({ profile: 'dev', timeoutMs: 120000 }), format: 'sh' } },
    { args: ['exec', 'p', '--timeout', '5', '--', 'cmd'], command: { name: 'exec', flags: flags({ profile: 'p', timeoutMs: 5000 }), command: ['cmd'] } },
    { args: ['unset'], command: { name: 'unset', format: 'sh' } },
    { args: ['unset', '-f', 'fish'], command: { name: 'unset', format: 'fish' } },
    { args: ['list'], command: { name: 'list', long: false } },
    { args: ['list', '-l'], command: { name: 'list', long: true } },
    { args: ['init', 'zsh'], command: { name: 'init', shell: 'zsh' } },
    { args: ['init', 'powershell'], command: { name: 'init', shell: 'powershell' } },
    { args: ['status'], command: { name: 'status', json: false } },
    { args: ['status', '--json'], command: { name: 'status', json: true } },
    { args: ['whoami', '--json'], command: { name: 'status', json: true } },
    { args: ['prompt'], command: { name: 'prompt' } },
    { args: ['prompt', '--format', '[{profile} {left}] '], command: { name: 'prompt', format: '[{profile} {left}] ' } },
    { args: ['prompt', '-f', '{profile}', '--debug'], command: { name: 'prompt', format: '{profile}' }, debug: true },
    // A profile named like a command is reached through export.
    { args: ['export', 'status'], command: { name: 'export', flags: flags({ profile: 'status' }), format: 'sh' } },
    { args: ['use', 'prompt'], command: { name: 'use', flags: flags({ profile: 'prompt' }), format: 'sh', unset: false, quiet: false, autoRefresh: false } },
    { args: ['login'], command: { name: 'login', signIn: { browser: true, useDeviceCode: false } } },
    { args: ['login', 'sso-dev', '--no-browser'], command: { name: 'login', profile: 'sso-dev', signIn: { browser: false, useDeviceCode: false } } },
    { args: ['login', 'dev', '--use-device-code'], command: { name: 'login', profile: 'dev', signIn: { browser: true, useDeviceCode: true } } },
    { args: ['login', '--redirect-port', '8400', '--sign-in-timeout', '2m'], command: { name: 'login', signIn: { browser: true, useDeviceCode: false, redirectPort: 8400, waitMs: 120000 } } },
    { args: ['logout', '--all'], command: { name: 'logout', all: true } },
    { args: ['logout', 'sso-dev'], command: { name: 'logout', profile: 'sso-dev', all: false } },
    {
      args: ['sso', 'profiles', '--start-url', 'https://corp.awsapps.com/start', '--sso-region', 'eu-west-1', '--write'],
      command: { name: 'ssoProfiles', options: { startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'eu-west-1', write: true } },
    },
    { args: ['sso', 'profiles', 'sso-dev'], command: { name: 'ssoProfiles', options: { profile: 'sso-dev', write: false } } },
    { args: ['mfa', 'setup'], command: { name: 'mfaSetup', options: { force: false } } },
    {
      args: ['mfa', 'setup', 'alice', '--serial', 'arn:aws:iam::111111111111:mfa/alice', '--force'],
      command: { name: 'mfaSetup', options: { profile: 'alice', serial: 'arn:aws:iam::111111111111:mfa/alice', force: true } },
    },
    { args: ['console'], command: { name: 'console', flags: flags(), console: { print: false } } },
    // A profile named like the command is reached with export, as for every command word.
    { args: ['export', 'console'], command: { name: 'export', flags: flags({ profile: 'console' }), format: 'sh' } },
    {
      args: ['console', 'prod', '--print', '--service', 's3', '-r', 'eu-west-1', '--duration', '2h', '--mfa-code', '123456'],
      // --duration is the console session's: the chain runs as an export's, without it.
      command: { name: 'console', flags: flags({ profile: 'prod', region: 'eu-west-1', mfaCode: '123456' }), console: { print: true, service: 's3', sessionSeconds: 7200 } },
    },
    { args: ['--debug', 'dev'], command: { name: 'export', flags: flags({ profile: 'dev' }), format: 'sh' }, debug: true },
    // "-" for stdin, which yargs alone would take for a word of its own; past `--` it is the command's.
    { args: ['dev', '--mfa-code', '-'], command: { name: 'export', flags: flags({ profile: 'dev', mfaCode: '-' }), format: 'sh' } },
    { args: ['dev', '--mfa-code=-'], command: { name: 'export', flags: flags({ profile: 'dev', mfaCode: '-' }), format: 'sh' } },
    { args: ['use', 'dev', '--mfa-code', '-'], command: { name: 'use', flags: flags({ profile: 'dev', mfaCode: '-' }), format: 'sh', unset: false, quiet: false, autoRefresh: false } },
    {
      args: ['exec', 'p', '--mfa-code', '-', '--', 'cmd', '--mfa-code', '-'],
      command: { name: 'exec', flags: flags({ profile: 'p', mfaCode: '-' }), command: ['cmd', '--mfa-code', '-'] },
    },
    // A profile named like a command is reached through export (or use, whose word is always a profile).
    { args: ['export', 'status'], command: { name: 'export', flags: flags({ profile: 'status' }), format: 'sh' } },
    { args: ['export', 'console', '-r', 'eu-west-1'], command: { name: 'export', flags: flags({ profile: 'console', region: 'eu-west-1' }), format: 'sh' } },
    { args: ['use', 'whoami'], command: { name: 'use', flags: flags({ profile: 'whoami' }), format: 'sh', unset: false, quiet: false, autoRefresh: false } },
    // A flag given twice takes its last value.
    { args: ['dev', '-r', 'eu-west-1', '--region', 'us-east-1'], command: { name: 'export', flags: flags({ profile: 'dev', region: 'us-east-1' }), format: 'sh' } },
    { args: ['unset', '-f', 'fish', '-f', 'json'], command: { name: 'unset', format: 'json' } },
  ])('$args', async ({ args, command, debug = false }) => {
    const parsed = await parseArgs(args);
    expect(parsed.command).toEqual(command);
    expect(parsed.debug).toBe(debug);
    expect(parsed.output).toBeUndefined();
  });

  it.each<{ args: string[]; message: RegExp }>([
    { args: ['dev', '--mfa-code', '12345'], message: /^--mfa-code must be the 6 digits/ },
    { args: ['dev', '--mfa-code', '12345a'], message: /^--mfa-code must be the 6 digits/ },
    { args: ['dev', '--mfa-code', '135 79'], message: /^--mfa-code must be the 6 digits/ },
    { args: ['dev', '--mfa-code', '135_790'], message: /^--mfa-code must be the 6 digits/ },
    { args: ['dev', '--mfa-code', ' - '], message: /^--mfa-code must be the 6 digits your MFA device shows, or - to read them from stdin$/ },
    { args: ['dev', '--mfa-code', '--'], message: /^--mfa-code must be the 6 digits/ },
    { args: ['dev', '--mfa-serial', 'alice'], message: /^--mfa-serial "alice" is not an MFA device$/ },
    { args: ['dev', '--mfa-serial', 'arn:aws:iam::1:mfa/a b'], message: /is not an MFA device/ },
    { args: ['--role-arn', ROLE, '--mfa-serial', 'arn:aws:iam::111111111111:mfa/alice'], message: /^--mfa-serial goes with a profile, not with --role-arn$/ },
    { args: ['dev', '--duration', '1x'], message: /^--duration "1x" is not a duration$/ },
    { args: ['dev', '--duration', '0'], message: /^--duration "0" is not a duration$/ },
    { args: ['dev', '--timeout', 'soon'], message: /^--timeout "soon" is not a duration up to 1h$/ },
    { args: ['dev', '--timeout', '0s'], message: /^--timeout "0s" is not a duration up to 1h$/ },
    { args: ['dev', '--timeout', '2h'], message: /^--timeout "2h" is not a duration up to 1h$/ },
    { args: ['dev', '--region', 'EU-west-1'], message: /^--region "EU-west-1" is not a region name$/ },
    { args: ['dev', '--region', 'eu west 1'], message: /^--region "eu west 1" is not a region name$/ },
    { args: ['dev', '--source-profile', 'base'], message: /^--source-profile goes with --role-arn$/ },
    { args: ['--web-identity', 'github'], message: /^--web-identity goes with --role-arn$/ },
    { args: ['--audience', 'sts.amazonaws.com'], message: /^--audience goes with --role-arn$/ },
    { args: ['--role-session-name', 'ci'], message: /^--role-session-name goes with --role-arn$/ },
    { args: ['--role-arn', ROLE, '--audience', 'sts.amazonaws.com'], message: /^--audience goes with --web-identity github$/ },
    { args: ['--role-arn', ROLE, '--web-identity', '/token', '--audience', 'x'], message: /^--audience goes with --web-identity github$/ },
    { args: ['dev', '--bogus'], message: /bogus/ },
    // Each unknown flag named once, as typed (yargs lists mfa-serial and mfaSerial).
    { args: ['list', '--mfa-serial', 'x'], message: /^Unknown argument: --mfa-serial$/ },
    { args: ['list', '--no-cache', '--role-arn', 'x'], message: /^Unknown arguments: --no-cache, --role-arn$/ },
    { args: ['list', '--long', '--format', 'json'], message: /format/ },
    // Only one profile: a second word is not taken as anything.
    { args: ['dev', 'prod'], message: /prod/ },
    { args: ['init', 'tcsh'], message: /tcsh/ },
    // A word of the command exec could read as its own flag: neither guess is safe.
    { args: ['exec', 'p', 'grep', '-r', 'x'], message: /^exec: is "-r" awsenv's flag or grep's\? Put -- before the command$/ },
    { args: ['exec', 'p', 'aws', '--mfaSerial', 'x'], message: /^exec: is "--mfaSerial" awsenv's flag or aws's\?/ },
    { args: ['exec', 'p', 'terraform', 'apply', '--debug'], message: /^exec: is "--debug" awsenv's flag/ },
    { args: ['status', 'dev'], message: /dev/ },
    { args: ['prompt', 'dev'], message: /dev/ },
    { args: ['prompt', '--json'], message: /json/ },
    { args: ['status', '--format', 'x'], message: /format/ },
    { args: ['unset', '--quiet'], message: /quiet/ },
    { args: ['init'], message: /./ },
    { args: ['sso'], message: /^Name an sso subcommand: profiles$/ },
    { args: ['mfa'], message: /^Name an mfa subcommand: setup$/ },
    { args: ['console', 'dev', '--service', 'S3/../iam'], message: /^--service "S3\/\.\.\/iam" is not a console service name$/ },
    { args: ['console', 'dev', '--format', 'json'], message: /format/ },
    { args: ['login', '--redirect-port', 'http'], message: /^--redirect-port "http" is not a port number$/ },
    { args: ['login', '--redirect-port', '65536'], message: /^--redirect-port "65536" is not a port number$/ },
    { args: ['login', '--redirect-port', '8400', '--use-device-code'], message: /^--redirect-port is for the browser sign-in/ },
    { args: ['login', '--sign-in-timeout', 'soon'], message: /^--sign-in-timeout "soon" is not a duration up to 10m$/ },
    { args: ['login', '--sign-in-timeout', '0'], message: /^--sign-in-timeout "0" is not a duration up to 10m$/ },
  ])('refuses $args as a usage error', async ({ args, message }) => {
    const error = await refusal(args);
    expect(error.kind).toBe('usage');
    expect(error.detail).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it.each([['--help'], ['-h'], ['list', '--help']])('%s gives the help and no command', async (...args) => {
    const parsed = await parseArgs(args);
    expect(parsed.command).toBeUndefined();
    expect(parsed.output?.text).toContain('awsenv');
    expect(parsed.output?.forShell).toBe(false);
  });

  it('--version gives output and no command', async () => {
    const parsed = await parseArgs(['--version']);
    expect(parsed.command).toBeUndefined();
    expect(parsed.output?.text).toMatch(/\S/);
    expect(parsed.output?.text).not.toContain('--help');
  });

  it('use --help is for awsuse, whose stdout a shell evaluates', async () => {
    const parsed = await parseArgs(['use', '--help']);
    expect(parsed.command).toBeUndefined();
    expect(parsed.output?.text).toContain('awsenv use');
    expect(parsed.output?.forShell).toBe(true);
  });
});
