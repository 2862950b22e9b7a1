import { shellSplit } from '../../src/core/shellSplit';

// The cases are Python's shlex.split, which the AWS CLI applies to credential_process.
describe(shellSplit.name, () => {
  test.each<[string, string[]]>([
    ['/usr/bin/creds', ['/usr/bin/creds']],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    [`tool --name 'two words'`, ['tool', '--name', 'two words']],
    // Inside double quotes a backslash escapes only " and itself.
    [`tool "a \\"quoted\\" \\$HOME" 'no $expansion'`, ['tool', 'a "quoted" \\$HOME', 'no $expansion']],
    ['a\u00a0b', ['a\u00a0b']],
    [`a\\ b c`, ['a b', 'c']],
    [`"" ''`, ['', '']],
    [`x"y"'z'`, ['xyz']],
    [`"back\\slash"`, ['back\\slash']],
    [`a;b|c&d`, ['a;b|c&d']],
    ['', []],
  ])('%j', (line, words) => {
    expect(shellSplit(line)).toEqual(words);
  });

  test.each([`"open`, `'open`, 'trailing\\'])('%j is refused', (line) => {
    expect(() => shellSplit(line)).toThrow();
  });
});
