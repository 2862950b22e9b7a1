import { redirectOutcome, redirectPage, type RedirectOutcome } from '../../src/sso/redirectOutcome';

describe(redirectOutcome.name, () => {
  test.each<[string, string, RedirectOutcome]>([
    ['a code for this state', 'code=abc&state=s1', { kind: 'code', code: 'abc' }],
    ['access_denied', 'error=access_denied&error_description=The+user+denied&state=s1', { kind: 'denied' }],
    ['another error, with its description', 'error=invalid_scope&error_description=no+such+scope&state=s1', { kind: 'refused', error: 'invalid_scope', description: 'no such scope' }],
    ['another error, without one', 'error=server_error&state=s1', { kind: 'refused', error: 'server_error' }],
    ['a code for another state', 'code=abc&state=s2', { kind: 'wrongState' }],
    ['a code without a state', 'code=abc', { kind: 'wrongState' }],
    ['a denial for another state: not taken for this sign-in\'s', 'error=access_denied&state=s2', { kind: 'wrongState' }],
    ['neither code nor error', 'state=s1', { kind: 'noCode' }],
    ['an empty code', 'code=&state=s1', { kind: 'noCode' }],
  ])('%s', (_name, query, outcome) => {
    expect(redirectOutcome(new URLSearchParams(query), 's1')).toEqual(outcome);
  });

  test('every page says the tab can be closed; only a good state gets a 200', () => {
    const outcomes: RedirectOutcome[] = [{ kind: 'code', code: 'c' }, { kind: 'denied' }, { kind: 'refused', error: 'e' }, { kind: 'wrongState' }, { kind: 'noCode' }];
    for (const outcome of outcomes) expect(redirectPage(outcome).html).toContain('You can close this tab');
    expect(outcomes.map((o) => redirectPage(o).status)).toEqual([200, 200, 400, 400, 400]);
  });

  test('the page never shows the code', () => {
    expect(redirectPage({ kind: 'code', code: 'secret-code' }).html).not.toContain('secret-code');
  });
});
