/**
 * `npm run bench`: whole-process wall time of awsenv's commands against `node -e 0` on this machine, interleaved so
 * that drift in machine load hits every command alike. The cache is warmed first against the fake STS, so the
 * profile commands measure the path people feel most: credentials already cached.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { AWSENV_BIN, makeHome, runCli } from '../tests/support/cli';
import { CONFIG, CREDENTIALS, startWorld } from '../tests/support/stsWorld';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 3;

async function main() {
  const { home } = makeHome({ config: `${CONFIG}\n[profile static]\nregion = eu-west-1\n`, credentials: `${CREDENTIALS}\n[static]\naws_access_key_id = AKIASTATIC\naws_secret_access_key = secret\n` });
  const sts = await startWorld();
  // The endpoint is part of the cache key, so the timed runs name it too; they never reach it.
  const benchEnv = { PATH: process.env.PATH, HOME: home, AWS_ENDPOINT_URL_STS: sts.url };
  for (const args of [['alice', '--mfa-code', '123456'], ['admin']]) {
    const result = await runCli(args, { env: benchEnv });
    if (result.code !== 0) throw new Error(`warming the cache failed: ${result.stderr}`);
  }
  await sts.close();

  const commands: Array<[string, string[]]> = [
    ['node -e 0', ['-e', '0']],
    ['awsenv static', [AWSENV_BIN, 'static']],
    ['awsenv alice (cached MFA session)', [AWSENV_BIN, 'alice']],
    ['awsenv admin (cached role)', [AWSENV_BIN, 'admin']],
    ['awsenv list', [AWSENV_BIN, 'list']],
    ['awsenv unset', [AWSENV_BIN, 'unset']],
    ['awsenv init zsh', [AWSENV_BIN, 'init', 'zsh']],
    ['awsenv --help', [AWSENV_BIN, '--help']],
  ];
  const times = new Map(commands.map(([name]) => [name, [] as number[]]));
  for (let run = -WARMUP; run < RUNS; run++) {
    for (const [name, args] of commands) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { env: benchEnv, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      if (run >= 0) times.get(name)!.push(ms);
    }
  }
  fs.rmSync(home, { recursive: true, force: true });

  const base = median(times.get('node -e 0')!);
  console.log(`${RUNS} interleaved runs after ${WARMUP} warm-up rounds; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  console.log('| command | median ms | × node -e 0 |\n| --- | ---: | ---: |');
  for (const [name] of commands) {
    const m = median(times.get(name)!);
    console.log(`| ${name} | ${m.toFixed(1)} | ${(m / base).toFixed(2)} |`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
