import fs from 'node:fs';
import { AwsenvError, exitCodes, type ErrorKind } from '../../src/core/errors';
import { reportError } from '../../src/cli/reportError';

/** A stderr that keeps what was written, one entry a write. */
function fakeStderr() {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') };
}

const BUG_LINE = '  This is a bug in awsenv; run again with --debug for details and report it.\n';

describe(reportError.name, () => {
  let stdoutWrite: jest.SpyInstance;
  beforeEach(() => {
    stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    // stdout is what a shell evaluates: an error report never goes there.
    expect(stdoutWrite).not.toHaveBeenCalled();
    stdoutWrite.mockRestore();
  });

  it.each(Object.entries(exitCodes) as [ErrorKind, number][])('a %s error exits with %d', (kind, code) => {
    const stderr = fakeStderr();
    expect(reportError(new AwsenvError(kind, 'it failed', { profile: 'dev' }), false, stderr)).toBe(code);
    expect(stderr.text()).toBe('awsenv: profile "dev": it failed\n');
  });

  it('prints the message on one line and the hint on the next, indented', () => {
    const stderr = fakeStderr();
    const error = new AwsenvError('aws', 'AWS rejected the MFA code', { profile: 'base', requested: 'prod', hint: 'Wait for the next code.' });
    expect(reportError(error, false, stderr)).toBe(exitCodes.aws);
    expect(stderr.writes).toEqual(['awsenv: profile "base" (on the way to "prod"): AWS rejected the MFA code\n', '  Wait for the next code.\n']);
  });

  it('shows no stack without --debug, not even the cause\'s', () => {
    const stderr = fakeStderr();
    const cause = new Error('socket hang up');
    reportError(new AwsenvError('unavailable', 'cannot reach STS', { profile: 'dev', cause }), false, stderr);
    expect(stderr.text()).not.toContain('    at ');
    expect(stderr.text()).not.toContain('socket hang up');
    expect(stderr.writes).toHaveLength(1);
  });

  it('with --debug, writes the stack of the error and of every cause under it', () => {
    const stderr = fakeStderr();
    const root = new Error('connect ECONNREFUSED');
    const middle = new Error('request failed', { cause: root });
    const error = new AwsenvError('unavailable', 'cannot reach STS', { profile: 'dev', hint: 'Check the proxy.', cause: middle });
    expect(reportError(error, true, stderr)).toBe(exitCodes.unavailable);
    expect(stderr.writes).toEqual([
      'awsenv: profile "dev": cannot reach STS\n',
      '  Check the proxy.\n',
      `${error.stack}\n`,
      `${middle.stack}\n`,
      `${root.stack}\n`,
    ]);
    expect(stderr.text()).toContain('    at ');
    expect(stderr.text()).not.toContain('This is a bug');
  });

  it('with --debug, a cause that is not an Error is written as it is', () => {
    const stderr = fakeStderr();
    reportError(new AwsenvError('internal', 'odd', { cause: 'a plain string' }), true, stderr);
    expect(stderr.writes.at(-1)).toBe('a plain string\n');
  });

  it.each<{ why: string; error: unknown; said: string }>([
    { why: 'an Error', error: new TypeError("Cannot read properties of undefined (reading 'x')"), said: "Cannot read properties of undefined (reading 'x')" },
    { why: 'a thrown string', error: 'just a string', said: 'just a string' },
    { why: 'undefined', error: undefined, said: 'undefined' },
  ])('an unknown error ($why) exits 1 and says it is a bug', ({ error, said }) => {
    const stderr = fakeStderr();
    expect(reportError(error, false, stderr)).toBe(1);
    expect(stderr.writes).toEqual([`awsenv: unexpected error: ${said}\n`, BUG_LINE]);
  });

  it('an unknown error with --debug exits 1 with its stack instead of the bug line', () => {
    const stderr = fakeStderr();
    const error = new RangeError('out of range');
    expect(reportError(error, true, stderr)).toBe(exitCodes.internal);
    expect(stderr.writes).toEqual(['awsenv: unexpected error: out of range\n', `${error.stack}\n`]);
  });

  it('writes to stderr (file descriptor 2, with write(2) itself) when no writer is given', () => {
    const written: Array<[unknown, string]> = [];
    const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Buffer) => (written.push([fd, data.toString('utf8')]), data.length)) as unknown as typeof fs.writeSync);
    try {
      expect(reportError(new AwsenvError('usage', 'bad flag'), false)).toBe(exitCodes.usage);
    } finally {
      writeSync.mockRestore();
    }
    expect(written).toEqual([[2, 'awsenv: bad flag\n']]);
  });
});
