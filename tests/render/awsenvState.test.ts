import { encodeState, readState, STATE_VARIABLE, type AwsenvState } from '../../src/render/awsenvState';

describe(encodeState.name, () => {
  test.each<[string, AwsenvState]>([
    ['nothing recorded', { had: {} }],
    ['an expiry, a region and auto-refresh', { had: {}, expires: 1893553445, region: 'eu-west-1', autoRefresh: true }],
    ['values a query string must escape', { had: { AWS_REGION: 'a&b=c d%e+f', AWS_PROFILE: `we'ird "name" $(x) é☃` }, region: '&=' }],
    ['every kept name', { had: { AWS_REGION: 'r1', AWS_DEFAULT_REGION: 'r2', AWS_PROFILE: 'p1', AWS_DEFAULT_PROFILE: 'p2' } }],
  ])('%s reads back as written', (_title, state) => {
    const text = encodeState(state);
    expect(text).toMatch(/^[\x21-\x7e]+$/);
    expect(readState({ [STATE_VARIABLE]: text })).toEqual({ autoRefresh: false, region: undefined, expires: undefined, ...state });
  });

  test('the expiry is a field a shell regex finds: expires=SECONDS', () => {
    expect(encodeState({ had: { AWS_REGION: 'x' }, expires: 1893553445, region: 'r' })).toMatch(/(^|&)expires=1893553445(&|$)/);
  });
});

describe(readState.name, () => {
  test.each<[string, string | undefined, AwsenvState | undefined]>([
    ['no variable', undefined, undefined],
    ['an empty variable', '', undefined],
    ['a value of another kind: what parses is taken, the rest left out', 'junk&expires=soon&had.HOME=x', { had: {}, autoRefresh: false, region: undefined, expires: undefined }],
  ])('%s', (_title, text, expected) => {
    expect(readState({ [STATE_VARIABLE]: text })).toEqual(expected);
  });
});
