/**
 * `npm run bench`: awsenv's commands as whole processes against `node -e 0`, the floor any Node program stands on,
 * in paired, interleaved runs with a clean environment; docs/performance.md says why each of those matters.
 *
 *   BENCH_RUNS=25          timed pairs per command, after 3 rounds of warm-up
 *   BENCH_MEMORY_RUNS=7    pairs per command under GNU time for peak memory
 */
import fs from 'node:fs';
import path from 'node:path';
import { AWSENV_BIN } from '../tests/support/cli';
import { CONFIG_SIZES, WARM_PROFILES, warmHomes, type WarmHome } from './bench/homes';
import { awsCli, machineLine, timeBin } from './bench/machine';
import { runPairs, type BenchCommand } from './bench/measure';
import { median, pairedRatios } from './bench/stats';
import { markdownTable, type Row, type Target } from './bench/table';

const RUNS = positive('BENCH_RUNS', 25);
const MEMORY_RUNS = positive('BENCH_MEMORY_RUNS', 7);
const WARMUP = 3;

// The issue's targets (issue 14), as multiples of node -e 0.
const WARM_EXPORT: Readonly<Record<string, Target>> = {
  small: { time: 1.1, memory: 1.1 },
  '2,000 profiles': { time: 1.2 },
  '20,000 profiles': { time: 1.5 },
};
const EVERYDAY: Target = { time: 1.1 };
const HELP_AND_ERRORS: Target = { time: 1.5 };
// An hour past the bench's start: `awsenv prompt` shows "admin (59m)" throughout.
const PROMPT_EXPIRATION = new Date(Date.now() + 3600e3).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function main() {
  const started = Date.now();
  const warm = await warmHomes();
  try {
    // Only what the run needs: PATH, HOME, and the endpoints the cached credentials' keys were made with.
    const envOf = (home: WarmHome) => ({ PATH: process.env.PATH, HOME: home.home, ...warm.endpoints });
    const small = warm.homes[0];
    const awsenv = (name: string, home: WarmHome, args: string[], more: Partial<BenchCommand> = {}): BenchCommand => ({
      name: `awsenv ${name}`, file: process.execPath, args: [AWSENV_BIN, ...args], env: envOf(home), status: 0, ...more,
    });
    const commands: BenchCommand[] = [
      ...warm.homes.flatMap((home) =>
        WARM_PROFILES.map(([profile, what]) =>
          awsenv(`${profile} (${what}), ${home.label} config`, home, [profile], { stdoutHas: 'AWS_ACCESS_KEY_ID', target: WARM_EXPORT[home.label] }),
        ),
      ),
      awsenv('unset', small, ['unset'], { stdoutHas: 'AWS_ACCESS_KEY_ID', target: EVERYDAY }),
      // What a shell prompt runs before every prompt: from the environment an export leaves, nothing read.
      awsenv('prompt', small, ['prompt'], { env: { ...envOf(small), AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: PROMPT_EXPIRATION }, stdoutHas: 'admin (', target: EVERYDAY }),
      awsenv('init zsh', small, ['init', 'zsh'], { target: EVERYDAY }),
      awsenv('list, small config', small, ['list'], { stdoutHas: 'alice', target: EVERYDAY }),
      awsenv('--help', small, ['--help'], { target: HELP_AND_ERRORS }),
      awsenv('nosuch (unknown profile, exit 3)', small, ['nosuch'], { status: 3, target: HELP_AND_ERRORS }),
    ];
    // The floor of any command-line tool written for Node: a script file that reads the credentials file and writes one
    // line, with write(2) as awsenv does. What a target leaves above it is all the tool may spend.
    const floor = path.join(small.home, 'floor.js');
    fs.writeFileSync(floor, "const fs = require('fs');\nfs.readFileSync(`${process.env.HOME}/.aws/credentials`, 'utf8');\nfs.writeSync(1, 'export AWS_ACCESS_KEY_ID=x\\n');\n");
    commands.push({ name: 'node floor.js (reads a file, writes a line: the floor of a Node CLI)', file: process.execPath, args: [floor], env: envOf(small), status: 0, stdoutHas: 'AWS_ACCESS_KEY_ID' });
    const cli = awsCli();
    if ('path' in cli) {
      // Named with its version in the table: the v2's start-up differs from release to release.
      const version = cli.version.split(' ')[0];
      commands.push({ name: `aws configure export-credentials --profile static (${version})`, file: cli.path, args: ['configure', 'export-credentials', '--profile', 'static'], env: envOf(small), status: 0, stdoutHas: 'AKIASTATIC' });
    }
    const memoryBin = timeBin();
    const samples = runPairs(commands, { rounds: RUNS, warmup: WARMUP, memoryRounds: MEMORY_RUNS, timeBin: memoryBin });

    const all = [...samples.values()];
    const baselineRow: Row = { name: 'node -e 0', medianMs: median(all.flatMap((s) => s.baselineMs)), ratio: 1, ...(memoryBin && { memoryRatio: 1 }) };
    const rows: Row[] = [
      baselineRow,
      ...commands.map((command) => {
        const s = samples.get(command.name)!;
        return {
          name: command.name,
          medianMs: median(s.ms),
          ratio: median(pairedRatios(s.ms, s.baselineMs)),
          ...(memoryBin && { memoryRatio: median(pairedRatios(s.kb, s.baselineKb)) }),
          target: command.target,
        };
      }),
    ];
    console.log(`- Machine: ${machineLine()}.`);
    console.log(`- ${RUNS} pairs per command after ${WARMUP} warm-up rounds${memoryBin ? `, peak memory from ${MEMORY_RUNS} more pairs under ${memoryBin}` : ''}; ${commands.length} commands; configs of ${CONFIG_SIZES.map((s) => s.label).join(', ')}.`);
    console.log(`- node -e 0: median ${baselineRow.medianMs.toFixed(1)} ms${memoryBin ? `, max RSS ${(median(all.flatMap((s) => s.baselineKb)) / 1024).toFixed(1)} MB` : ''}.`);
    console.log(`- AWS CLI: ${'path' in cli ? `${cli.version} (${cli.path})` : `not compared, ${cli.missing}`}.`);
    if (!memoryBin) console.log('- Peak memory: not measured, /usr/bin/time is missing (Debian: apt-get install time).');
    console.log(`\n${markdownTable(rows)}\n`);
    console.error(`(the whole bench took ${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    warm.remove();
  }
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${process.env[name]}"`);
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
