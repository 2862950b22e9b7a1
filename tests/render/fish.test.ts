import { fish, quoteFish } from '../../src/render/fish';

// Exact text; that fish reads it back byte for byte is renderers.test.ts's round trip.
describe(quoteFish.name, () => {
  test.each([
    ['AKIAEXAMPLE', "'AKIAEXAMPLE'"],
    ['', "''"],
    ["it's", "'it\\'s'"],
    ['\\', "'\\\\'"],
    ["\\'", "'\\\\\\''"],
    ['$HOME (id) $(id) "', "'$HOME (id) $(id) \"'"],
    ['\\n stays two characters', "'\\\\n stays two characters'"],
    ['a\nb', "'a\nb'"],
  ])('%j → %s', (value, quoted) => {
    expect(quoteFish(value)).toBe(quoted);
  });
});

describe('fish renderer', () => {
  test('sets values globally and exported, erases nulls, one statement a line, each ending in ;, in plan order', () => {
    expect(fish.render([['B', "it's"], ['A', null], ['C', '-e']])).toBe("set -gx B 'it\\'s';\nset -e A; or true;\nset -gx C '-e';\n");
  });
});
