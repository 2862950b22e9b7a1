import { AwsenvError } from '../../src/core/errors';
import { dotenv } from '../../src/render/dotenv';
import { HOSTILE_VALUES } from './hostileValues';
import { readDotenv } from './formatReaders';

describe('dotenv renderer', () => {
  test('writes bare NAME=value lines and leaves unset names out', () => {
    expect(dotenv.render([['A', "it's \"x\" $y"], ['B', null], ['C', '']])).toBe('A=it\'s "x" $y\nC=\n');
  });

  test.each([
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['a NUL', 'a\0b'],
  ])('refuses %s with a usage error naming the variable', (_label, value) => {
    expect(() => dotenv.render([['A', 'fine'], ['AWS_SESSION_TOKEN', value]])).toThrow(
      expect.objectContaining({ kind: 'usage', message: expect.stringContaining('dotenv format cannot carry AWS_SESSION_TOKEN') }) as AwsenvError,
    );
  });

  test('does not refuse a line break in a variable it leaves out', () => {
    expect(dotenv.render([['A', null]])).toBe('\n');
  });

  test.each(HOSTILE_VALUES.filter(([, value]) => !/[\r\n]/.test(value)))('%s: read back exactly', (_label, value) => {
    expect(readDotenv(dotenv.render([['A', value], ['B', null], ['C', 'after']]))).toEqual({ A: value, C: 'after' });
  });
});
