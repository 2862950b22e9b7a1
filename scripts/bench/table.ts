/** The issue's ceilings for one command, as multiples of `node -e 0`: wall time, and peak memory where it sets one. */
export interface Target {
  readonly time: number;
  readonly memory?: number;
}

/** One line of the results: medians over the pairs, ratios to the `node -e 0` run of each pair. */
export interface Row {
  readonly name: string;
  readonly medianMs: number;
  /** The median of the paired ratios of wall time. */
  readonly ratio: number;
  /** The median of the paired ratios of peak memory (max RSS); undefined when it could not be measured. */
  readonly memoryRatio?: number;
  readonly target?: Target;
}

const times = (value: number) => `${value.toFixed(2)}`;

function targetText(target: Target | undefined): string {
  if (!target) return '';
  return `≤ ${times(target.time)}${target.memory === undefined ? '' : `, memory ≤ ${times(target.memory)}`}`;
}

/**
 * Whether a row meets its target, and if not, which part misses: "yes", "no: time", "no: memory", "no: time,
 * memory"; a memory target with no measurement is said, never counted as met.
 */
export function verdict(row: Row): string {
  if (!row.target) return '';
  const { time, memory } = row.target;
  const unmeasured = memory !== undefined && row.memoryRatio === undefined;
  const missed = [...(row.ratio > time ? ['time'] : []), ...(memory !== undefined && row.memoryRatio! > memory ? ['memory'] : [])];
  const said = missed.length ? `no: ${missed.join(', ')}` : 'yes';
  return unmeasured ? `${said} (memory not measured)` : said;
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| command | median ms | × node -e 0 | peak memory × node -e 0 | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.medianMs.toFixed(1)} | ${times(row.ratio)} | ${row.memoryRatio === undefined ? 'n/a' : times(row.memoryRatio)} | ${targetText(row.target)} | ${verdict(row)} |`,
    ),
  ];
  return lines.join('\n');
}
