import { generatedProfiles } from '../../scripts/bench/generatedProfiles';
import { median, pairOrder, pairedRatios, shuffled } from '../../scripts/bench/stats';
import { markdownTable, verdict } from '../../scripts/bench/table';

describe(median.name, () => {
  test.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[], NaN],
  ])('of %j is %d', (values, expected) => expect(median(values)).toBe(expected));
});

describe(pairedRatios.name, () => {
  test('divides each run by the baseline run beside it, not by a median', () => {
    expect(pairedRatios([30, 60, 44], [20, 40, 40])).toEqual([1.5, 1.5, 1.1]);
  });
  test('refuses samples that are not pairs', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow('2 runs against 1 baseline runs');
  });
});

test('the two of a pair alternate which goes first, by round and by place in the round', () => {
  expect([0, 1, 2, 3].map((round) => pairOrder(round, 0)[0])).toEqual(['baseline', 'command', 'baseline', 'command']);
  expect([0, 1].map((place) => pairOrder(4, place)[0])).toEqual(['baseline', 'command']);
});

test('shuffled returns every item once and leaves its argument alone', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const out = shuffled(items, () => 0.3);
  expect([...out].sort()).toEqual(items);
  expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
});

describe(generatedProfiles.name, () => {
  const text = generatedProfiles(2000, 'corp');
  const names = [...text.matchAll(/^\[profile (\S+)\]$/gm)].map((m) => m[1]);

  test('writes as many profiles as asked, each under its own name', () => {
    expect(names).toHaveLength(2000);
    expect(new Set(names).size).toBe(2000);
  });
  test('every role names a source profile written before it, and every SSO profile the sso-session given', () => {
    const sources = [...text.matchAll(/^source_profile = (\S+)$/gm)].map((m) => m[1]);
    expect(sources).toHaveLength(500);
    for (const source of sources) expect(names.indexOf(source)).toBeGreaterThanOrEqual(0);
    expect([...text.matchAll(/^sso_session = (\S+)$/gm)].every((m) => m[1] === 'corp')).toBe(true);
  });
  test('is the same text on every call', () => expect(generatedProfiles(2000, 'corp')).toBe(text));
});

describe(verdict.name, () => {
  test.each([
    [{ ratio: 1.05, memoryRatio: 1.02 }, 'yes'],
    [{ ratio: 1.25, memoryRatio: 1.02 }, 'no: time'],
    [{ ratio: 1.05, memoryRatio: 1.3 }, 'no: memory'],
    [{ ratio: 1.25, memoryRatio: 1.3 }, 'no: time, memory'],
    [{ ratio: 1.05 }, 'yes (memory not measured)'],
  ])('%j against 1.1 and memory 1.1: %s', (measured, expected) => {
    expect(verdict({ name: 'x', medianMs: 1, ...measured, target: { time: 1.1, memory: 1.1 } })).toBe(expected);
  });
  test('a row without a target has no verdict', () => expect(verdict({ name: 'x', medianMs: 1, ratio: 3 })).toBe(''));
});

test('the table has one line per row under its header, n/a where memory was not measured', () => {
  const table = markdownTable([
    { name: 'node -e 0', medianMs: 21.94, ratio: 1 },
    { name: 'awsenv static', medianMs: 44.1, ratio: 2.071, memoryRatio: 1.25, target: { time: 1.1 } },
  ]);
  expect(table.split('\n')).toEqual([
    '| command | median ms | × node -e 0 | peak memory × node -e 0 | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    '| node -e 0 | 21.9 | 1.00 | n/a |  |  |',
    '| awsenv static | 44.1 | 2.07 | 1.25 | ≤ 1.10 | no: time |',
  ]);
});
