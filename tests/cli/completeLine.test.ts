import { completeLine, type Completion } from '../../src/cli/completeLine';
import { COMPLETION_SPEC } from '../../src/cli/completionSpec';
import { SHELLS } from '../../src/cli/command';
import { formatChoices } from '../../src/render/formats';

const PROFILES = ['dev', 'list', 'prod eu'];
const COMMANDS = Object.keys(COMPLETION_SPEC);
const words = (...offered: string[]): Completion => ({ kind: 'words', words: offered });
const flagsOf = (name: string) => Object.keys(COMPLETION_SPEC[name].flags);

describe(completeLine.name, () => {
  test.each<[line: string[], expected: Completion]>([
    // First on the line: a command, or a profile for the export a line without one runs; "list" is only a command there.
    [[''], words(...COMMANDS, 'dev', 'prod eu')],
    [['--debug', ''], words(...COMMANDS, 'dev', 'prod eu')],
    [['dev', ''], words()],
    [['export', ''], words(...PROFILES)],
    [['use', '-q', ''], words(...PROFILES)],
    [['use', 'dev', ''], words()],
    [['list', ''], words()],
    [['init', ''], words(...SHELLS)],
    [['init', 'zsh', ''], words()],
    [['sso', ''], words('profiles')],
    [['sso', 'profiles', ''], words(...PROFILES)],
    [['mfa', ''], words('setup')],
    [['mfa', 'setup', '--force', ''], words(...PROFILES)],
    [['login', ''], words(...PROFILES)],
    [['logout', ''], words(...PROFILES)],
    [['console', ''], words(...PROFILES)],
    [['status', ''], words()],
    // Flag values.
    [['-f', ''], words(...formatChoices)],
    [['dev', '--format', ''], words(...formatChoices)],
    [['unset', '-f', ''], words(...formatChoices)],
    [['prompt', '--format', ''], words()],
    [['export', '--source-profile', ''], words(...PROFILES)],
    [['export', '-o', ''], { kind: 'files' }],
    [['--web-identity', ''], { kind: 'files' }],
    [['dev', '--region', ''], words()],
    [['--format=j'], words(...formatChoices.map((format) => `--format=${format}`))],
    [['use', '--source-profile='], words(...PROFILES.map((name) => `--source-profile=${name}`))],
    [['use', '--quiet='], words()],
    // A flag's value is no word of the command: the profile still goes after `-r us-east-1`.
    [['use', '-r', 'us-east-1', ''], words(...PROFILES)],
    [['use', '--region=us-east-1', ''], words(...PROFILES)],
    // Flags, each once, where one is typed.
    [['-'], words(...flagsOf('export'))],
    [['list', '-'], words(...flagsOf('list'))],
    [['use', '-q', '--'], words(...flagsOf('use').filter((flag) => flag !== '-q'))],
    [['use', '--format=sh', '--f'], words(...flagsOf('use').filter((flag) => flag !== '--format'))],
    [['sso', 'profiles', '--'], words(...flagsOf('sso').concat(Object.keys(COMPLETION_SPEC.sso.subcommands!.profiles.flags)).filter((flag, i, all) => all.indexOf(flag) === i))],
    // exec: the profile, then a command line of its own, with or without `--`.
    [['exec', ''], words(...PROFILES)],
    [['exec', 'dev', ''], { kind: 'command', from: 2 }],
    [['exec', 'dev', 'terraform', 'pl'], { kind: 'command', from: 2 }],
    [['exec', 'dev', '--', ''], { kind: 'command', from: 3 }],
    [['exec', '--', 'ls', ''], { kind: 'command', from: 2 }],
    [['exec', 'dev', '-'], words(...flagsOf('exec'))],
    [['dev', '--', ''], words()],
  ])('%j', (line, expected) => {
    expect(completeLine(line, () => PROFILES)).toEqual(expected);
  });

  test('reads the profiles only where one goes', () => {
    const profiles = jest.fn(() => PROFILES);
    for (const line of [['list', ''], ['-f', ''], ['-'], ['init', ''], ['dev', '']]) completeLine(line, profiles);
    expect(profiles).not.toHaveBeenCalled();
  });
});
