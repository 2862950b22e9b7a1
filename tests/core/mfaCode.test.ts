import { mfaCodeIn } from '../../src/core/mfaCode';

describe(mfaCodeIn.name, () => {
  it.each<[string, string | undefined]>([
    ['123456', '123456'],
    [' 123456\n', '123456'],
    ['135 790', '135790'],
    ['135-790', '135790'],
    ['1 3 5 - 7 9 0', '135790'],
    ['\t135\u00a0790', '135790'],
    ['12345', undefined],
    ['1234567', undefined],
    ['135 79a', undefined],
    ['135_790', undefined],
    ['135.790', undefined],
    ['', undefined],
    ['-', undefined],
    // Two lines from an mfa_process are no code, even with six digits between them.
    ['123\n456', undefined],
    ['135 790\r\n000000', undefined],
  ])('%j gives %j', (text, code) => {
    expect(mfaCodeIn(text)).toBe(code);
  });
});
