import { fuzzyMatch, rankByMatch } from '../../src/interaction/fuzzyMatch';

describe(fuzzyMatch.name, () => {
  it.each<[string, string, boolean]>([
    ['', 'anything', true],
    ['adm', 'admin', true],
    ['ADM', 'admin', true],
    ['adm', 'ADMIN', true],
    ['pa', 'prod-admin', true],
    ['dv', 'dev', true],
    ['ved', 'dev', false],
    ['devs', 'dev', false],
    ['x', 'admin', false],
    ['日本', 'team-日本-dev', true],
    ['🔑', 'key🔑', true],
  ])('%j in %j: %s', (query, text, matches) => {
    expect(fuzzyMatch(query, text) !== undefined).toBe(matches);
  });

  // Each pair: the query scores the first text above the second.
  it.each<[string, string, string, string]>([
    ['adm', 'admin', 'a-dev-main', 'a run beats scattered letters'],
    ['dev', 'd-prod-dev', 'dxexvxxxxx', 'the best placement counts, not the leftmost'],
    ['pa', 'prod-admin', 'zpazzzzzzz', 'word starts beat a run inside a word'],
    ['ro', 'readOnly', 'xrxoxxxx', 'a capital after a small letter starts a word'],
    ['dev', 'dev', 'my-dev', 'an earlier match beats a later one'],
  ])('%j: %j above %j (%s)', (query, better, worse) => {
    expect(fuzzyMatch(query, better)!).toBeGreaterThan(fuzzyMatch(query, worse)!);
  });
});

describe(rankByMatch.name, () => {
  const NAMES = ['admin', 'dev', 'dev-admin', 'prod', 'prod-admin', 'sandbox'];
  it.each<[string, string[]]>([
    ['', NAMES],
    ['admin', ['admin', 'dev-admin', 'prod-admin']],
    ['pa', ['prod-admin']],
    ['dev', ['dev', 'dev-admin']],
    ['d', ['dev', 'dev-admin', 'admin', 'prod', 'sandbox', 'prod-admin']],
    ['zzz', []],
  ])('%j ranks %j', (query, ranked) => {
    expect(rankByMatch(query, NAMES, (name) => name)).toEqual(ranked);
  });
});
