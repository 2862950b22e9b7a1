import fs from 'node:fs';
import path from 'node:path';
import { AWSENV_BIN } from '../support/cli';

// The warm bundle is what every cached export reads and sets up (docs/design.md, "Start-up"); a module that joins it
// by a static import costs every start, silently. esbuild names each bundled module after its path.
const dist = path.dirname(AWSENV_BIN);
const modulesOf = (bundle: string) => [...fs.readFileSync(path.join(dist, bundle), 'utf8').matchAll(/"(src\/[^"]+\.js)"\(exports/g)].map((m) => m[1]);

/** What only cold runs use: the SDK adapters (but the timeout every command shares), sign-in, and what asks or spawns. */
const COLD_ONLY = [/^src\/aws\/(?!clientOptions\.js$)/, /^src\/sso\//, /^src\/interaction\/(?!terminal\.js$|mfaPrompt\.js$|longTermKeysHint\.js$|hintAtTerminal\.js$)/, /^src\/cli\/commands\/(exec|login|logout|ssoProfiles|mfaSetup)Command\.js$/, /^src\/cli\/parseWithYargs\.js$/];

test('the warm bundle holds none of the modules only cold runs use; the cold bundle holds them', () => {
  const warm = modulesOf('awsenv-main.js');
  const cold = modulesOf('awsenv-cold.js');
  expect(warm.length).toBeGreaterThan(20);
  expect(warm.filter((name) => COLD_ONLY.some((pattern) => pattern.test(name)))).toEqual([]);
  // Each pattern stands for modules that exist: one that matched nothing anywhere would guard nothing.
  for (const pattern of COLD_ONLY) expect([pattern.source, cold.some((name) => pattern.test(name))]).toEqual([pattern.source, true]);
});

test('no module is in both bundles', () => {
  const warm = new Set(modulesOf('awsenv-main.js'));
  expect(modulesOf('awsenv-cold.js').filter((name) => warm.has(name))).toEqual([]);
});
