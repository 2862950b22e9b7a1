import crypto from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/core/sha256';

const reference = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

describe(sha256Hex.name, () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    // 55, 56 and 64 bytes: where the length stops fitting in the block, and a whole block.
    ['a'.repeat(55), reference('a'.repeat(55))],
    ['a'.repeat(56), reference('a'.repeat(56))],
    ['a'.repeat(64), reference('a'.repeat(64))],
  ])('%j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  test('agrees with node:crypto on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => sha256Hex(text) === reference(text)), { numRuns: 500 });
  });
});
