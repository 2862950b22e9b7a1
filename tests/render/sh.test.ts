import { quoteSh, sh } from '../../src/render/sh';

// Exact text; that bash, zsh and dash read it back byte for byte is renderers.test.ts's round trip.
describe(quoteSh.name, () => {
  test.each([
    ['AKIAEXAMPLE', "'AKIAEXAMPLE'"],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$HOME $(id) `id` \\ "', "'$HOME $(id) `id` \\ \"'"],
    ['a\nb', "'a\nb'"],
    ['-e', "'-e'"],
  ])('%j → %s', (value, quoted) => {
    expect(quoteSh(value)).toBe(quoted);
  });
});

describe('sh renderer', () => {
  test('exports values and unsets nulls, one statement a line, each ending in ;, in plan order', () => {
    expect(sh.render([['B', "it's"], ['A', null], ['C', '']])).toBe("export B='it'\\''s';\nunset A;\nexport C='';\n");
  });
});
