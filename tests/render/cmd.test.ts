import { AwsenvError } from '../../src/core/errors';
import { cmd, quoteCmd } from '../../src/render/cmd';
import { HOSTILE_VALUES } from './hostileValues';
import { readCmd } from './formatReaders';

describe(quoteCmd.name, () => {
  test.each([
    ['AKIAEXAMPLE', '"NAME=AKIAEXAMPLE"'],
    ['', '"NAME="'],
    // Batch files expand %VAR%, so every % is doubled; the quotes keep & | < > ^ literal.
    ['50%', '"NAME=50%%"'],
    ['%PATH% %%', '"NAME=%%PATH%% %%%%"'],
    ['a&b|c<d>e^f(g)', '"NAME=a&b|c<d>e^f(g)"'],
    ["it's $HOME `x` \\", '"NAME=it\'s $HOME `x` \\"'],
    ['é ☃ 日本', '"NAME=é ☃ 日本"'],
  ])('%j → %s', (value, quoted) => {
    expect(quoteCmd('NAME', value)).toBe(quoted);
  });

  test.each([
    ['a double quote', 'say "hi"'],
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['CRLF', '\r\n'],
  ])('refuses %s with a usage error naming the variable', (_label, value) => {
    let error: unknown;
    try {
      quoteCmd('AWS_SECRET_ACCESS_KEY', value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsenvError);
    expect(error).toMatchObject({ kind: 'usage', message: expect.stringContaining('cmd format cannot carry AWS_SECRET_ACCESS_KEY') });
  });
});

// cmd needs no statement terminator, unlike sh, fish and PowerShell: `call` reads a batch file line by line, and
// cmd has no command substitution that joins lines (`for /f` hands each line over on its own).
describe('cmd renderer', () => {
  test('writes set "NAME=value" lines ending in CRLF, and set "NAME=" to unset', () => {
    expect(cmd.render([['A', '1%'], ['B', null]])).toBe('set "A=1%%"\r\nset "B="\r\n');
  });

  test('never leaves a bare line feed', () => {
    expect(cmd.render([['A', 'x'], ['B', null], ['C', 'y']]).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test.each(HOSTILE_VALUES.filter(([, value]) => value !== '' && !/["\r\n]/.test(value)))('%s: read back exactly', (_label, value) => {
    expect(readCmd(cmd.render([['A', value], ['B', null], ['C', 'after']]))).toEqual({ A: value, B: null, C: 'after' });
  });
});
