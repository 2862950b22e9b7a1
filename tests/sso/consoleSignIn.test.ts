import { pastedOutcome } from '../../src/sso/consoleSignIn';

const encode = (text: string) => Buffer.from(text).toString('base64');

describe(pastedOutcome.name, () => {
  test.each([
    ['the code for this state', encode('state=s1&code=c1'), { kind: 'code', code: 'c1' }],
    ['with spaces around it', ` ${encode('state=s1&code=c1')}\n`, { kind: 'code', code: 'c1' }],
    ['another sign-in\'s state', encode('state=s2&code=c1'), { kind: 'wrongState' }],
    ['no code', encode('state=s1'), { kind: 'noCode' }],
    ['not base64 of the pair', 'hello', { kind: 'wrongState' }],
  ])('%s', (_why, pasted, outcome) => {
    expect(pastedOutcome(pasted, 's1')).toEqual(outcome);
  });
});
