import fs from 'node:fs';
import path from 'node:path';
import { resolve } from '../../src/chain/resolve';
import type { Step } from '../../src/chain/types';
import { loadIni, removeIniFiles } from '../support/iniFiles';
import { recordingLogger } from '../support/recordingLogger';

/**
 * The README's IAM-user profiles (patterns 1 and 2) as a reader copies them, every commented `# key = value` line
 * uncommented: they resolve, without a warning, and each uncommented key does what the README says it does.
 * Regression: the commented `duration_seconds` line once carried a note after its value that, uncommented, was an error.
 */
const README = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const iniBlocks = [...README.matchAll(/```ini\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The block under a `### N.` heading of "The five ways people sign in to AWS". */
function patternBlock(n: number): string {
  const section = README.slice(README.indexOf(`\n### ${n}. `));
  const block = /```ini\n([\s\S]*?)```/.exec(section)?.[1];
  expect(iniBlocks).toContain(block);
  return block!;
}

const COMMENTED_KEY = /^# ([a-z_]+) = (.*)$/gm;
const uncommented = (text: string) => text.replace(COMMENTED_KEY, '$1 = $2');
/** The commented keys of a block: what a reader may uncomment. */
const commentedKeys = (text: string) => Object.fromEntries([...text.matchAll(COMMENTED_KEY)].map((m) => [m[1], m[2]]));

// Pattern 1 shows both files in one block, each after a comment that names it.
const [credentials, config1] = patternBlock(1).split('# ~/.aws/config\n');
const config2 = patternBlock(2);
const files = { credentials: credentials.replace('# ~/.aws/credentials\n', ''), config: uncommented(`${config1}\n${config2}`) };

afterAll(removeIniFiles);

test('the README comments out the keys these tests uncomment', () => {
  expect(Object.keys({ ...commentedKeys(config1), ...commentedKeys(config2) }).sort()).toEqual(['duration_seconds', 'session_tags', 'transitive_session_tags']);
});

describe("the README's profiles, their commented keys uncommented", () => {
  const step = (steps: readonly Step[], kind: Step['kind']) => steps.find((s) => s.kind === kind) as Record<string, unknown> | undefined;
  test.each<[string, string, (steps: readonly Step[]) => unknown, unknown]>([
    // "the MFA session's lifetime": GetSessionToken's DurationSeconds, the value the README gives.
    ["profile1's duration_seconds is its MFA session's lifetime", 'profile1', (steps) => step(steps, 'sessionToken')?.durationSeconds, Number(commentedKeys(config1).duration_seconds)],
    ["admin's MFA session is profile1's, of the same lifetime", 'admin', (steps) => step(steps, 'sessionToken')?.durationSeconds, Number(commentedKeys(config1).duration_seconds)],
    ["admin's session_tags go on its AssumeRole", 'admin', (steps) => step(steps, 'assumeRole')?.tags, [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }]],
    ["admin's transitive_session_tags name one of them", 'admin', (steps) => step(steps, 'assumeRole')?.transitiveTagKeys, ['team']],
    ['readonly still shares the MFA session', 'readonly', (steps) => steps.map((s) => s.kind), ['static', 'sessionToken', 'assumeRole']],
  ])('%s', (_why, profile, part, expected) => {
    const log = recordingLogger();
    const chain = resolve(profile, loadIni(files, log), { env: {} });
    expect(part(chain.steps)).toEqual(expected);
    expect(log.warnings).toEqual([]);
  });
});
