import { FROM_STDIN, MFA_CODE_VARIABLE, mfaCodeOf } from '../../src/cli/mfaCodeOf';
import { AwsenvError } from '../../src/core/errors';
import type { StdinLine } from '../../src/interaction/stdinLine';

/** A stdin that is a terminal or holds `lines`, and counts what was read of it. */
function fakeStdin(lines: string[] | 'terminal') {
  const reads: string[] = [];
  const stdin: StdinLine = {
    isTerminal: () => lines === 'terminal',
    readLine() {
      const line = lines === 'terminal' ? undefined : lines.shift();
      reads.push(String(line));
      return line;
    },
  };
  return { stdin, reads };
}

async function refusal(run: Promise<unknown>): Promise<AwsenvError> {
  const error = await run.then(
    (value) => {
      throw new Error(`gave ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(AwsenvError);
  expect((error as AwsenvError).kind).toBe('usage');
  return error as AwsenvError;
}

describe(mfaCodeOf.name, () => {
  it.each<{ why: string; flag?: string; env?: Record<string, string>; lines?: string[]; code: string | undefined; read?: number }>([
    { why: 'no flag, no variable: none, so the prompt asks', code: undefined },
    { why: 'the flag\'s code', flag: '123456', code: '123456' },
    { why: 'the variable\'s code', env: { [MFA_CODE_VARIABLE]: '234567' }, code: '234567' },
    { why: 'the variable, trimmed', env: { [MFA_CODE_VARIABLE]: ' 234567\n' }, code: '234567' },
    { why: 'the variable as an authenticator app shows it', env: { [MFA_CODE_VARIABLE]: '234 567' }, code: '234567' },
    { why: 'an empty variable is unset', env: { [MFA_CODE_VARIABLE]: '' }, code: undefined },
    { why: 'the flag wins over the variable', flag: '123456', env: { [MFA_CODE_VARIABLE]: '234567' }, code: '123456' },
    { why: '- reads the first line of stdin, once', flag: FROM_STDIN, lines: ['345678', 'the rest'], code: '345678', read: 1 },
    { why: '- trims the line', flag: FROM_STDIN, lines: [' 345678 '], code: '345678', read: 1 },
    { why: '- takes the code with a dash, as an authenticator app shows it', flag: FROM_STDIN, lines: ['345-678'], code: '345678', read: 1 },
    { why: '- wins over the variable', flag: FROM_STDIN, env: { [MFA_CODE_VARIABLE]: '234567' }, lines: ['345678'], code: '345678', read: 1 },
  ])('$why', async ({ flag, env = {}, lines = [], code, read = 0 }) => {
    const { stdin, reads } = fakeStdin(lines);
    expect(await mfaCodeOf(flag, env, stdin)).toBe(code);
    expect(reads).toHaveLength(read);
  });

  it('a variable of the wrong shape is a usage error that says how to get the prompt back', async () => {
    const error = await refusal(mfaCodeOf(undefined, { [MFA_CODE_VARIABLE]: '12345' }, fakeStdin([]).stdin));
    expect(error.detail).toBe('$AWSENV_MFA_CODE must be the 6 digits your MFA device shows');
    expect(error.hint).toContain('unset AWSENV_MFA_CODE');
  });

  it('- with stdin a terminal: a usage error that says to type the code at the prompt, and nothing is read', async () => {
    const { stdin, reads } = fakeStdin('terminal');
    const error = await refusal(mfaCodeOf(FROM_STDIN, {}, stdin));
    expect(error.detail).toBe('--mfa-code - reads the code from stdin, and stdin is the terminal');
    expect(error.hint).toContain('asks for the code on the terminal');
    expect(reads).toEqual([]);
  });

  it.each<[string, string[], string]>([
    ['an empty stdin', [], '--mfa-code - found nothing on stdin'],
    ['a first line of the wrong shape', ['12345', '123456'], '--mfa-code - needs the 6 digits your MFA device shows as the first line of stdin'],
    ['an empty first line', ['', '123456'], '--mfa-code - needs the 6 digits your MFA device shows as the first line of stdin'],
  ])('- with %s: a usage error', async (_name, lines, detail) => {
    expect((await refusal(mfaCodeOf(FROM_STDIN, {}, fakeStdin(lines).stdin))).detail).toBe(detail);
  });
});
