import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AwsenvError } from '../../src/core/errors';
import { mfaProcessCode } from '../../src/interaction/mfaProcess';
import { mfaCodes } from '../../src/interaction/mfaPrompt';

const SERIAL = 'arn:aws:iam::111111111111:mfa/alice';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-mfa-process-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A command line running a script under this node that prints `output`, exits with `code` and counts its runs. */
function command(output: string, code = 0): { line: string; runs: () => number } {
  const counter = path.join(dir, `runs-${Math.random()}`);
  const file = path.join(dir, `mfa-${Math.random()}.js`);
  fs.writeFileSync(file, `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x'); process.stdout.write(${JSON.stringify(output)}); process.exitCode = ${code};\n`);
  return { line: `'${process.execPath}' '${file}'`, runs: () => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').length : 0) };
}

async function failure(run: Promise<unknown>): Promise<AwsenvError> {
  const error = await run.then(
    () => new Error('gave a code'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsenvError);
  return error as AwsenvError;
}

describe(mfaProcessCode.name, () => {
  it.each([
    ['just the code', '123456\n', '123456'],
    ['the code with a space, as ykman and the apps show it', '135 790\n', '135790'],
    ['the code with a dash', '135-790', '135790'],
  ])('reads %s', async (_why, output, code) => {
    expect(await mfaProcessCode(command(output).line, SERIAL, 'alice')).toBe(code);
  });

  it('refuses output that is not a code, without repeating it', async () => {
    const error = await failure(mfaProcessCode(command('AWS:alice  1234567\n').line, SERIAL, 'alice'));
    expect(error).toMatchObject({ kind: 'config', profile: 'alice' });
    expect(error.message).toContain('mfa_process printed something other than a 6-digit MFA code');
    expect(error.message).not.toContain('1234567');
  });

  it.each([
    ['a failing command', command('', 3).line, 'mfa_process failed with exit code 3'],
    ['a missing program', 'no-such-ykman oath accounts code', 'mfa_process could not start no-such-ykman (not found)'],
    ['an unclosed quote', "ykman oath accounts code 'AWS:alice", 'mfa_process cannot be split into words'],
  ])('%s is a configuration error of the profile', async (_why, line, says) => {
    const error = await failure(mfaProcessCode(line, SERIAL, 'alice'));
    expect(error).toMatchObject({ kind: 'config', profile: 'alice' });
    expect(error.message).toContain(says);
  });
});

describe(`${mfaCodes.name} with an mfa_process`, () => {
  it('runs the process when no code was given', async () => {
    const process = command('234567');
    expect(await mfaCodes(undefined)(SERIAL, 'alice', process.line)).toBe('234567');
    expect(process.runs()).toBe(1);
  });

  it('a code given for the run wins, and the process is not run for it', async () => {
    const process = command('234567');
    const codes = mfaCodes('111111');
    expect(await codes(SERIAL, 'alice', process.line)).toBe('111111');
    expect(process.runs()).toBe(0);
    // The given code is used once; the next code comes from the process.
    expect(await codes(SERIAL, 'alice', process.line)).toBe('234567');
    expect(process.runs()).toBe(1);
  });
});
