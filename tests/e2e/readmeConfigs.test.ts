import fs from 'node:fs';
import { startWorld } from '../support/stsWorld';
import type { FakeSts } from '../fakes/sts';
import { makeHome, runCli } from '../support/cli';
import { firstHeader } from '../support/readmeBlocks';
import { CONFIGS_BY_HEADER, configBlocks, readmeFiles } from '../support/readmeConfigs';

/**
 * Every config the README shows is read by awsenv without a word, and every profile in it resolves: an export that
 * may not wait for a person ends with credentials or with "a person must act" (exit 4), never with a configuration
 * error. So does each line the README shows commented out as a key to add (`# duration_seconds = 43200`), uncommented.
 * readmeSnippets.test.ts runs the README's commands against these same blocks.
 */

let sts: FakeSts;
let codes = 200000;
beforeAll(async () => {
  sts = await startWorld();
});
afterAll(() => sts.close());

/** The profiles a block defines: `[profile NAME]` and `[default]` in a config file, `[NAME]` in a credentials file. */
function profilesOf(files: { config: string; credentials: string }): string[] {
  const config = [...files.config.matchAll(/^\[\s*(?:profile\s+(\S+?)|(default))\s*\]/gm)].map((m) => m[1] ?? m[2]);
  const credentials = [...files.credentials.matchAll(/^\[\s*(\S+?)\s*\]/gm)].map((m) => m[1]);
  return [...new Set([...config, ...credentials])];
}

/**
 * The block as written, and with the keys the README shows commented out uncommented: together, since they go
 * together (a transitive session tag must be one of the session tags).
 */
function variantsOf(header: string): Array<[string, { config: string; credentials: string }]> {
  const files = readmeFiles(header);
  const own = configBlocks().find((block) => firstHeader(block) === header)!;
  const commented = own.text.split('\n').filter((line) => /^# [a-z_]+ = \S/.test(line));
  if (commented.length === 0) return [[`${header} as written`, files]];
  const uncommented = commented.reduce((config, line) => config.replace(line, line.slice(2)), files.config);
  return [
    [`${header} as written`, files],
    [`${header} with ${commented.map((line) => line.slice(2)).join(' and ')}`, { ...files, config: uncommented }],
  ];
}

const cases = configBlocks().flatMap((block) => variantsOf(firstHeader(block)));

test('every config block of the README is named in CONFIGS_BY_HEADER', () => {
  expect(configBlocks().map(firstHeader).filter((header) => !(header in CONFIGS_BY_HEADER))).toEqual([]);
});

describe.each(cases)('%s', (_name, files) => {
  const profiles = profilesOf(files);
  test('is read without a word, and every profile resolves', async () => {
    expect(profiles.length).toBeGreaterThan(0);
    const { home, env } = makeHome(files);
    try {
      const list = await runCli(['list', '--long'], { env });
      expect([list.code, list.stderr]).toEqual([0, '']);
      const kinds = Object.fromEntries(list.stdout.trim().split('\n').map((row) => row.split(/\s+/)));
      for (const profile of profiles) expect([profile, kinds[profile]]).toEqual([profile, expect.not.stringMatching(/^(invalid|none)$/)]);
      for (const profile of profiles) {
        const endpoints = { ...env, AWS_ENDPOINT_URL_STS: sts.url };
        let exported = await runCli(['export', profile, '--non-interactive'], { env: endpoints });
        // A profile that needs an MFA code gets one for alice's device (each its own: a code is good once).
        if (exported.code === 4 && /needs an MFA code/.test(exported.stderr)) exported = await runCli(['export', profile, '--non-interactive'], { env: { ...endpoints, AWSENV_MFA_CODE: String(++codes) } });
        // 4: it resolved, and then needs a sign-in, which a run that may not wait for a person cannot make.
        expect([profile, exported.code === 0 || exported.code === 4 ? 'resolved' : exported.stderr]).toEqual([profile, 'resolved']);
      }
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
