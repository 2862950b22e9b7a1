import { AwsenvError } from '../../src/core/errors';
import type { ParsedArgs } from '../../src/cli/command';
import { parseCommonArgs } from '../../src/cli/parseCommonArgs';
import { parseWithYargs } from '../../src/cli/parseWithYargs';

const ROLE = 'arn:aws:iam::222222222222:role/admin';

/** What a parser made of a line: the command and debug, the error it refused with, or that it left the line to yargs. */
async function outcome(parse: () => ParsedArgs | undefined | Promise<ParsedArgs>) {
  try {
    const parsed = await parse();
    return parsed ? { command: parsed.command, debug: parsed.debug, output: parsed.output } : 'left to yargs';
  } catch (error) {
    if (!(error instanceof AwsenvError)) throw error;
    return { error: { kind: error.kind, detail: error.detail, hint: error.hint } };
  }
}

// The lines the fast parser answers: valid and invalid, every spelling of every flag it reads.
const ANSWERED: string[][] = [
  [],
  ['dev'],
  ['export'],
  ['export', 'dev'],
  // After the command word a command's name is a profile.
  ['export', 'list'],
  ['use', 'exec'],
  ['dev', '-f', 'fish'],
  ['dev', '--format', 'json'],
  ['dev', '--format=json'],
  ['dev', '--format='],
  ['-f', 'fish', 'dev'],
  ['dev', '-r', 'eu-west-1'],
  ['dev', '--region', 'eu-west-1'],
  ['--region=eu-west-1', 'dev'],
  ['dev', '-r', 'eu-west-1', '--region', 'us-east-1'],
  ['dev', '--refresh'],
  ['dev', '--no-cache'],
  ['dev', '--refresh', '--no-cache', '--refresh'],
  ['dev', '--debug'],
  ['--debug', 'dev'],
  ['dev', '-o', 'creds.json', '-f', 'json'],
  ['dev', '--output', 'a', '--output=b'],
  ['dev', '--output='],
  ['dev', '--mfa-code', '123456'],
  ['dev', '--mfa-code=123456'],
  ['dev', '--mfa-code', ' 123456 '],
  ['dev', '--mfa-code', '135 790'],
  ['dev', '--mfa-code=135-790'],
  ['dev', '--mfa-code', '-'],
  ['dev', '--mfa-code=-'],
  ['dev', '--mfa-code', '111111', '--mfa-code=222222'],
  ['dev', '--mfa-serial', 'arn:aws:iam::111111111111:mfa/alice'],
  ['use', 'dev', '--mfa-serial=arn:aws:iam::111111111111:mfa/alice', '--mfa-code', '123456'],
  ['dev', '--duration', '1h30m'],
  ['dev', '--duration=900'],
  ['dev', '--timeout', '2m'],
  ['dev', '--timeout=5'],
  ['dev', '-r', 'eu-west-1', '--mfa-code', '123456', '--duration', '1h', '--timeout', '45s', '--refresh', '--no-cache', '-f', 'fish', '-o', 'out', '--debug'],
  // Profile names yargs could read as something else: numbers, quotes, empty.
  ['123456789012-admin'],
  ['1e3'],
  ['0x10'],
  ["'dev'"],
  ['"dev"'],
  ['dev', '--region', "'eu-west-1'"],
  [''],
  ['use'],
  ['use', 'dev'],
  ['use', '--format', 'sh', 'dev'],
  ['use', '--format=fish', 'dev', '-r', 'eu-west-1', '--refresh'],
  ['use', '-u'],
  ['use', '--unset', '-f', 'fish'],
  ['use', 'dev', '-u', '--debug'],
  ['use', 'dev', '--mfa-code', '-'],
  ['unset'],
  ['unset', '-f', 'fish'],
  ['unset', '--format=json', '--debug'],
  ['unset', '-f', 'fish', '-f', 'json'],
  ['list'],
  ['list', '-l'],
  ['list', '--long', '--debug'],
  ['list', '-l', '-l'],
  ['init', 'bash'],
  ['init', 'zsh'],
  ['init', 'fish', '--debug'],
  ['init', 'powershell'],
  ['init', '--debug', 'zsh'],
  ['use', 'dev', '--quiet'],
  ['use', '-q', 'dev'],
  ['use', 'dev', '-q', '-q', '-f', 'fish'],
  ['use', '-u', '-q'],
  // What the prompt hooks' refresh runs.
  ['use', '--format', 'sh', '--quiet', '--non-interactive', '--auto-refresh', 'dev'],
  ['use', 'dev', '--auto-refresh', '--region', 'eu-west-1'],
  ['dev', '--non-interactive'],
  // A command's name after `use` or `export` is a profile.
  ['use', 'prompt'],
  ['export', 'status'],
  ['export', 'whoami'],
  ['prompt'],
  ['prompt', '--debug'],
  ['prompt', '--format', '{profile} ({left})'],
  ['prompt', '-f', '[{profile}] '],
  ['prompt', '--format=%{profile}%'],
  ['prompt', '--format='],
  ['prompt', '--format', ''],
  ['prompt', '-f', 'a', '-f', '{left}'],
  ['prompt', '--format', "'{profile}'"],
  // Bad values: the same usage errors.
  ['dev', '--mfa-code', '12345'],
  ['dev', '--mfa-code=12345a'],
  ['dev', '--mfa-code', ' - '],
  ['dev', '--mfa-serial', 'alice'],
  ['dev', '--duration', '1x'],
  ['dev', '--duration=0'],
  ['dev', '--timeout', '2h'],
  ['dev', '--timeout=0s'],
  ['dev', '--timeout='],
  ['dev', '--region', 'EU-west-1'],
  ['dev', '--region='],
  ['dev', '--region', ''],
  ['use', 'dev', '--timeout', 'soon'],
];

// The lines it leaves to yargs: help and version, other commands, flags it does not read, anything yargs reads
// in a way of its own.
const LEFT: string[][] = [
  ['--help'],
  ['-h'],
  ['dev', '--help'],
  ['--version'],
  ['help'],
  ['dev', 'help'],
  ['use', 'help'],
  ['exec', 'p', '--', 'cmd'],
  ['exec', 'p'],
  ['login'],
  ['logout', '--all'],
  ['sso', 'profiles'],
  ['mfa', 'setup', 'alice'],
  ['console'],
  ['console', 'dev', '--print'],
  ['--debug', 'console'],
  ['--debug', 'list'],
  ['--debug', 'login'],
  ['-f', 'fish', 'unset'],
  ['--role-arn', ROLE],
  ['dev', '--source-profile', 'base'],
  ['dev', '--bogus'],
  ['dev', '--mfaCode', '123456'],
  ['dev', '--f', 'fish'],
  ['dev', '-r=eu-west-1'],
  ['dev', '-reu-west-1'],
  ['dev', '-lu'],
  ['dev', '--refresh', 'true'],
  ['dev', '--refresh=false'],
  ['dev', '--no-cache', 'false'],
  ['dev', '--no-refresh'],
  ['dev', '--region'],
  ['dev', '--region', '--refresh'],
  ['dev', '--mfa-code', '--'],
  ['dev', '--timeout', '-5'],
  ['dev', 'prod'],
  ['-'],
  ['dev', '--'],
  ['dev', '-f', 'zsh', '--', 'x'],
  ['export', '-o'],
  ['use', '-o', 'x'],
  ['list', '--format', 'json'],
  ['list', 'dev'],
  ['list', '-l', 'true'],
  ['unset', 'dev'],
  ['unset', '-u'],
  ['init'],
  ['init', 'tcsh'],
  ['init', 'pwsh'],
  ['init', 'zsh', 'bash'],
  ['init', '-f', 'sh', 'zsh'],
  ['status'],
  ['status', '--json'],
  ['whoami'],
  ['--debug', 'status'],
  ['--debug', 'whoami'],
  ['--debug', 'prompt'],
  ['prompt', 'dev'],
  ['prompt', '--json'],
  ['prompt', '-q'],
  ['prompt', '--format'],
  ['prompt', '--format', '-{profile}'],
  ['prompt', 'help'],
  ['export', '-q'],
  ['dev', '--quiet'],
  ['unset', '-q'],
  ['use', 'dev', '--quiet=false'],
  ['use', 'dev', '-q', 'true'],
];

describe(parseCommonArgs.name, () => {
  test.each(ANSWERED)('answers %j as yargs does', async (...args) => {
    const fast = await outcome(() => parseCommonArgs(args));
    expect(fast).not.toBe('left to yargs');
    expect(fast).toStrictEqual(await outcome(() => parseWithYargs(args)));
  });

  test.each(LEFT)('leaves %j to yargs', async (...args) => {
    expect(await outcome(() => parseCommonArgs(args))).toBe('left to yargs');
  });

  // A command added to yargs alone must not become a profile name here, as `awsenv --debug NEWCOMMAND` would.
  test('takes no word yargs runs as a command for a profile', async () => {
    const help = (await parseWithYargs(['--help'])).output!.text;
    const commands = /^Commands:\n([\s\S]*?)\n\n/m.exec(help)![1];
    const words = [...commands.matchAll(/^ {2}awsenv (\w+)/gm)].map((match) => match[1]);
    expect(words).toEqual(expect.arrayContaining(['export', 'exec', 'unset', 'list', 'init', 'use', 'status', 'prompt', 'login', 'logout', 'sso', 'mfa']));
    for (const word of words) {
      expect(parseCommonArgs(['--debug', word])).toBeUndefined();
      expect(parseCommonArgs([word])?.command?.name ?? word).toBe(word);
    }
  });

  // `awsenv whoami` is `status`: an alias is never a profile either.
  test('takes no alias of a command for a profile', async () => {
    const help = (await parseWithYargs(['--help'])).output!.text;
    const aliases = [...help.matchAll(/\[aliases: ([^\]]+)\]/g)].flatMap((match) => match[1].split(/,\s*/));
    expect(aliases).toContain('whoami');
    for (const alias of aliases) expect([alias, parseCommonArgs([alias]), parseCommonArgs(['--debug', alias])]).toEqual([alias, undefined, undefined]);
  });
});
