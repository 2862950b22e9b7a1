import fs from 'node:fs';
import path from 'node:path';
import { readState, STATE_VARIABLE } from '../../src/render/awsenvState';
import { evalInBash, makeHome, runCli } from '../support/cli';

/**
 * Where the switching state goes: into what a shell evaluates now (it records what that shell holds), not into a
 * file for later (the shell that reads it is another), nor into a format a program reads.
 */

const { home, env } = makeHome({ config: '[profile plain]\nregion = eu-west-1\n', credentials: '[plain]\naws_access_key_id = AKIAPLAIN\naws_secret_access_key = s\n' });
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
const shell = { ...env, AWS_REGION: 'user-region', AWS_PROFILE: 'mine' };

test('an export evaluated now records what the shell held before', async () => {
  const result = await runCli(['plain'], { env: shell });
  expect(result.code).toBe(0);
  const vars = await evalInBash(result.stdout);
  expect(readState(vars)?.had).toEqual({ AWS_REGION: 'user-region', AWS_PROFILE: 'mine' });
  expect(readState(vars)?.region).toBe('eu-west-1');
});

test('an export to a file records nothing of the shell that wrote it', async () => {
  const file = path.join(home, 'creds.sh');
  const result = await runCli(['plain', '-o', file], { env: shell });
  expect(result.code).toBe(0);
  const vars = await evalInBash(fs.readFileSync(file, 'utf8'));
  expect(readState(vars)?.had).toEqual({});
  expect(readState(vars)?.region).toBe('eu-west-1');
});

test.each(['json', 'dotenv', 'process'])('the %s format, for programs, has no state', async (format) => {
  const result = await runCli(['plain', '-f', format], { env: shell });
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain(STATE_VARIABLE);
});
