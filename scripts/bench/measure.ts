import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pairOrder, shuffled } from './stats';
import type { Target } from './table';

/** One whole process to time, in the exact environment it gets: nothing from the bench's own environment leaks in. */
export interface BenchProcess {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface BenchCommand extends BenchProcess {
  readonly name: string;
  /** The exit status it must end with, and what its stdout must hold: a run that did something else fails the bench. */
  readonly status: number;
  readonly stdoutHas?: string;
  readonly target?: Target;
}

/** Per command, the runs of each pair, in the order they ran; the i-th baseline ran beside the i-th command run. */
export interface Samples {
  readonly ms: number[];
  readonly baselineMs: number[];
  readonly kb: number[];
  readonly baselineKb: number[];
}

export interface PairPlan {
  /** Timed rounds; each runs every command once, each beside a baseline run of its own. */
  readonly rounds: number;
  /** Rounds run first and thrown away: page cache, CPU frequency, the code cache's first read. */
  readonly warmup: number;
  /** Rounds of peak-memory pairs, run after the timed ones under `timeBin`; 0 or no timeBin for none. */
  readonly memoryRounds: number;
  readonly timeBin?: string;
}

/** The baseline a command is paired with: the same Node, the same environment, nothing to run. */
const baselineOf = (command: BenchCommand): BenchProcess => ({ file: process.execPath, args: ['-e', '0'], env: command.env });

/**
 * Runs every command beside a `node -e 0` of its own, round after round, the commands in a new order each round and
 * the two of a pair alternating which goes first. Wall time is taken around the bare process; peak memory in rounds
 * of their own under GNU time, whose own fork and exec would otherwise be timed too.
 */
export function runPairs(commands: readonly BenchCommand[], plan: PairPlan): Map<string, Samples> {
  pairRounds(commands, plan.warmup, wallMs);
  const timed = pairRounds(commands, plan.rounds, wallMs);
  const { timeBin } = plan;
  const memory = timeBin ? pairRounds(commands, plan.memoryRounds, (proc, command) => peakKb(proc, command, timeBin)) : new Map<string, Pair[]>();
  return new Map(
    commands.map(({ name }) => {
      const [time, rss] = [timed.get(name) ?? [], memory.get(name) ?? []];
      return [name, { ms: time.map((p) => p.command), baselineMs: time.map((p) => p.baseline), kb: rss.map((p) => p.command), baselineKb: rss.map((p) => p.baseline) }];
    }),
  );
}

type Pair = Record<'baseline' | 'command', number>;
type Measure = (proc: BenchProcess, command: BenchCommand) => number;

/** `rounds` rounds of one pair per command: each command's pairs, in the order they ran. */
function pairRounds(commands: readonly BenchCommand[], rounds: number, measure: Measure): Map<string, Pair[]> {
  const pairs = new Map(commands.map((c) => [c.name, [] as Pair[]]));
  for (let round = 0; round < rounds; round++) {
    shuffled(commands).forEach((command, place) => {
      const pair: Pair = { baseline: NaN, command: NaN };
      for (const side of pairOrder(round, place)) pair[side] = measure(side === 'baseline' ? baselineOf(command) : command, command);
      pairs.get(command.name)!.push(pair);
    });
  }
  return pairs;
}

function wallMs(proc: BenchProcess, command: BenchCommand): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(proc.file, proc.args, { env: proc.env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  check(proc, command, result);
  return ms;
}

/** Max RSS in KB, as GNU time reads it from the child's rusage. */
function peakKb(proc: BenchProcess, command: BenchCommand, timeBin: string): number {
  const out = path.join(os.tmpdir(), `awsenv-bench-rss-${process.pid}.txt`);
  const result = spawnSync(timeBin, ['-f', '%M', '-o', out, proc.file, ...proc.args], { env: proc.env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  check(proc, command, result);
  // For a non-zero exit GNU time writes "Command exited with non-zero status N" first.
  const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
  fs.rmSync(out, { force: true });
  if (!(kb > 0)) throw new Error(`${timeBin} gave no max RSS for ${command.name}`);
  return kb;
}

function check(proc: BenchProcess, command: BenchCommand, result: ReturnType<typeof spawnSync>) {
  const baseline = proc !== command;
  const status = baseline ? 0 : command.status;
  const stdout = String(result.stdout ?? '');
  if (result.error || result.status !== status || (!baseline && command.stdoutHas && !stdout.includes(command.stdoutHas))) {
    const what = baseline ? `node -e 0 beside ${command.name}` : command.name;
    throw new Error(`${what}: exit ${result.status} (wanted ${status})${result.error ? `, ${result.error.message}` : ''}\nstdout: ${stdout.slice(0, 500)}\nstderr: ${String(result.stderr ?? '').slice(0, 2000)}`);
  }
}
