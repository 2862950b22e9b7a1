import { printable } from '../../src/core/printable';

describe(printable.name, () => {
  it.each([
    ['admin', 'admin'],
    ['d\u00e9v \u2603', 'd\u00e9v \u2603'],
    ['a\nb\tc\u007f\u009b', 'a?b?c??'],
  ])('%j is %j', (text, shown) => {
    expect(printable(text)).toBe(shown);
  });
});
