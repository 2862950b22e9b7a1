import fs from 'node:fs';
import path from 'node:path';
import { expectShown, firstHeader, keyedCommands, readmeBlocks, type KeyedCommand, type ReadmeBlock } from '../support/readmeBlocks';
import { CONFIGS_BY_HEADER, readmeFiles } from '../support/readmeConfigs';
import { runReadmeLine } from '../support/readmeRun';
import { readmeHome } from '../support/readmeWorld';
import { killTtySessions } from '../support/ttySession';
import { BLOCKS_NOT_COMMANDS, LINES_NOT_RUN, SCENARIOS, world, type Scenario } from './readmeScenarios';

/**
 * Every command line the README shows is typed, as written, into a real bash (fish for the fish line) with the
 * integration loaded and the built CLI on PATH, against the fakes, and its effect checked: the credentials exported
 * are those the fakes issued, and what a transcript shows it printing is what it prints. A line without a scenario
 * or a reason in readmeScenarios.ts, or a block that is neither commands, a config (readmeConfigs.test.ts) nor
 * explained there, fails.
 */

const blocks = readmeBlocks();
const isConfig = (block: ReadmeBlock) => block.language === 'ini';
const isCommands = (block: ReadmeBlock) => ['sh', 'bash'].includes(block.language) || /^\$ /m.test(block.text);
const firstLine = (block: ReadmeBlock) => block.text.split('\n')[0];
const commandBlocks = () => blocks.filter((block) => !(firstLine(block) in BLOCKS_NOT_COMMANDS) && isCommands(block));

afterEach(killTtySessions);

function homeFor(scenario: Scenario): string {
  const files = scenario.files ?? (scenario.readme ? readmeFiles(scenario.readme) : { config: '', credentials: '' });
  const home = readmeHome({ config: scenario.credentialsOnly ? '' : files.config, credentials: files.credentials });
  scenario.setup?.(home);
  return home;
}

test('every block of the README is commands, a config, or says why it is neither', () => {
  const unexplained = blocks.filter((block) => (isConfig(block) ? !(firstHeader(block) in CONFIGS_BY_HEADER) : !(firstLine(block) in BLOCKS_NOT_COMMANDS) && !isCommands(block)));
  expect(unexplained.map((block) => `line ${block.line}: ${firstLine(block)}`)).toEqual([]);
  // And nothing listed here is gone from the README.
  expect(Object.keys(BLOCKS_NOT_COMMANDS).filter((first) => !blocks.some((block) => firstLine(block) === first))).toEqual([]);
});

test('the tests named as covering a block or a line exist', () => {
  const named = [...new Set(Object.values({ ...BLOCKS_NOT_COMMANDS, ...LINES_NOT_RUN }).flatMap((reason) => /tests\/\S+\.test\.ts/.exec(reason) ?? []))];
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter((file) => !fs.existsSync(path.resolve(__dirname, '..', '..', '..', file)))).toEqual([]);
});

test('every command line of the README has a scenario here or a reason it is not run', () => {
  const keys = keyedCommands(commandBlocks()).map((command) => command.key);
  expect(keys.filter((key) => !(key in SCENARIOS) && !(key in LINES_NOT_RUN))).toEqual([]);
  expect([...Object.keys(SCENARIOS), ...Object.keys(LINES_NOT_RUN)].filter((key) => !keys.includes(key))).toEqual([]);
});

const runnable = keyedCommands(commandBlocks()).filter((command) => command.key in SCENARIOS);
describe.each(runnable.map((command) => [command.key, command] as const))('%s', (key, command: KeyedCommand) => {
  const scenario = SCENARIOS[key];
  const why = scenario.cannotRun?.();
  (why ? test.skip : test)(why ? `does what the README says (skipped: ${why})` : 'does what the README says', async () => {
    const home = homeFor(scenario);
    try {
      const run = await runReadmeLine({ shell: scenario.shell ?? 'bash', before: scenario.before ?? [], line: command.line, env: { ...world.envOf(home), ...scenario.env?.(home) }, person: scenario.person });
      if (command.shown.length > 0) expectShown((scenario.shownIn ?? ((r) => r.stderr))(run), command.shown, scenario.holes?.(home) ?? [], scenario.shownIsTheStart);
      await scenario.check({ home, run });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60000);
});
