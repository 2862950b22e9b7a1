import fc from 'fast-check';
import { formatSeconds, isoSeconds, parseAwsTime, spokenSeconds } from '../../src/core/time';

describe(isoSeconds.name, () => {
  it.each([
    ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00Z'],
    ['2026-12-01T09:05:07.999Z', '2026-12-01T09:05:07Z'],
    ['0001-02-03T04:05:06.000Z', '0001-02-03T04:05:06Z'],
  ])('%s is %s', (iso, expected) => {
    expect(isoSeconds(new Date(iso))).toBe(expected);
  });

  it("matches toISOString without its milliseconds for any time, the years past 9999 too", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }), (date) => {
        expect(isoSeconds(date)).toBe(date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
      }),
    );
  });
});

describe(parseAwsTime.name, () => {
  it.each([
    ['2030-01-01T00:00:00Z', Date.UTC(2030, 0, 1)],
    ['2030-01-01T00:00:00UTC', Date.UTC(2030, 0, 1)],
    [' 2030-01-01T00:00:00Z\n', Date.UTC(2030, 0, 1)],
  ])('%j', (text, ms) => {
    expect(parseAwsTime(text).getTime()).toBe(ms);
  });
});

describe(formatSeconds.name, () => {
  it.each([
    [Infinity, 'no expiry'],
    [-5, '0m00s'],
    [249, '4m09s'],
    [3900, '1h05m'],
  ])('%d is %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe(spokenSeconds.name, () => {
  it.each([
    [1, '1 second'],
    [45, '45 seconds'],
    [59.6, '1 minute'],
    [60, '1 minute'],
    [90, '90 seconds'],
    [600, '10 minutes'],
  ])('%d is %s', (seconds, text) => {
    expect(spokenSeconds(seconds)).toBe(text);
  });
});
