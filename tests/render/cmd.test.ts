import { AwsenvError } from '../../src/core/errors';
import { cmd, DELAYED_EXPANSION_GUARD, quoteCmd } from '../../src/render/cmd';
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

  // Regression: a value with a ! was written as it is, and a batch file called with delayed expansion on (cmd /V:ON,
  // or from a script that ran setlocal EnableDelayedExpansion) set it with the ! and any ^ gone, or with !NAME!
  // replaced by another variable's value.
  const withBang = HOSTILE_VALUES.filter(([, value]) => value.includes('!') && !/["\r\n]/.test(value));

  test('has hostile values with a ! to check', () => {
    expect(withBang.map(([label]) => label)).toEqual(expect.arrayContaining(['operators', 'history expansion']));
  });

  test.each(withBang)('%s: read back exactly with delayed expansion off, and the file stops before setting anything with it on', (_label, value) => {
    const output = cmd.render([['A', value], ['B', null], ['C', 'after']]);
    expect(output.split('\r\n')[0]).toBe(DELAYED_EXPANSION_GUARD);
    expect(readCmd(output)).toEqual({ A: value, B: null, C: 'after' });
    expect(readCmd(output, { delayedExpansion: true })).toBe('stopped');
  });

  test.each(HOSTILE_VALUES.filter(([, value]) => value !== '' && !/["\r\n!]/.test(value)))(
    '%s: read back exactly with delayed expansion on too, without the check',
    (_label, value) => {
      const output = cmd.render([['A', value], ['B', null], ['C', 'after']]);
      expect(output).not.toContain(DELAYED_EXPANSION_GUARD);
      expect(readCmd(output, { delayedExpansion: true })).toEqual({ A: value, B: null, C: 'after' });
    },
  );

  // The check itself, as cmd reads it: a line with ! (so delayed expansion rewrites it when on), "!!" compared with
  // "", and a parenthesised block whose echo holds none of the characters that would end or split it.
  test('the check holds only what cmd reads as intended in either state', () => {
    const block = /^if "!!"=="" \((echo [^()!&|<>^"%]*) 1>&2& exit \/b 1\)$/.exec(DELAYED_EXPANSION_GUARD);
    expect(block?.[1]).toMatch(/^echo awsenv: /);
  });
});
