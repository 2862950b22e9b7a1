import { parseDuration } from '../../src/config/duration';

describe(parseDuration.name, () => {
  it.each([
    { text: '3600', seconds: 3600 },
    { text: '900s', seconds: 900 },
    { text: '15m', seconds: 900 },
    { text: '1h', seconds: 3600 },
    { text: '12h', seconds: 43200 },
    { text: '1h30m', seconds: 5400 },
    { text: '1h0m30s', seconds: 3630 },
    { text: '2m5s', seconds: 125 },
    { text: '  45m  ', seconds: 2700 },
    { text: '0', seconds: 0 },
  ])('reads "$text" as $seconds seconds', ({ text, seconds }) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    { text: '' },
    { text: '   ' },
    { text: 'h' },
    { text: '1d' },
    { text: '15M' },
    { text: '30m1h' },
    { text: '1.5h' },
    { text: '-900' },
    { text: '1 h' },
    { text: 'one hour' },
  ])('refuses "$text"', ({ text }) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
