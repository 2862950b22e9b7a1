/** The middle value, or the mean of the two middle ones; NaN for no values, so an empty sample cannot pass as a number. */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Each run of a command divided by the baseline run beside it. The median of these is what the bench reports: a
 * burst of machine load slows both runs of a pair, so it cancels out of their ratio, where a ratio of two medians
 * taken over the whole bench would keep it.
 */
export function pairedRatios(runs: readonly number[], baselines: readonly number[]): number[] {
  if (runs.length !== baselines.length) throw new Error(`${runs.length} runs against ${baselines.length} baseline runs: they must come in pairs`);
  return runs.map((run, i) => run / baselines[i]);
}

/** The two of a pair in the order to run them: alternated by round and place, so neither side always goes first. */
export const pairOrder = (round: number, place: number): readonly ['baseline', 'command'] | readonly ['command', 'baseline'] =>
  (round + place) % 2 ? (['command', 'baseline'] as const) : (['baseline', 'command'] as const);

/** A copy in random order (Fisher–Yates): each round runs the commands in a new order, so no command always follows the same one. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
