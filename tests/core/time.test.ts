import fc from 'fast-check';
import { formatSeconds, isoSeconds, localClock, parseAwsTime, shortLeft, spokenSeconds } from '../../src/core/time';

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

describe(shortLeft.name, () => {
  it.each([
    [3900, '1h05m'],
    [3600, '1h00m'],
    [3599, '59m'],
    [2520, '42m'],
    [60, '1m'],
    [59.9, '<1m'],
    [0.5, '<1m'],
    [0, 'expired'],
    [-30, 'expired'],
    [NaN, 'expired'],
    [36 * 3600, '36h00m'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(shortLeft(seconds)).toBe(text);
  });
});

describe(localClock.name, () => {
  it.each([
    [new Date(2026, 10, 25, 3, 4, 59), '03:04'],
    [new Date(2026, 10, 25, 15, 42), '15:42'],
    [new Date(2026, 10, 25, 0, 0), '00:00'],
    [new Date(2026, 10, 25, 23, 59, 59, 999), '23:59'],
  ])('%s is %s on the local clock', (date, text) => {
    expect(localClock(date)).toBe(text);
  });

  it('is what toLocaleTimeString says in 24-hour form, without ICU', () => {
    const date = new Date(Date.UTC(2026, 10, 25, 22, 36, 45));
    expect(localClock(date)).toBe(date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  });
});
