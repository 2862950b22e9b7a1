// What a typed character earns: a match, more at the start of a word, more again right after the previous match;
// a skipped character costs a little, so "adm" finds "admin" before "a-dev-main".
const MATCH = 1;
const WORD_START = 2;
const RUN = 3;
const GAP = 0.1;

const SEPARATOR = /[\s\-_./:@]/;

function startsWord(text: readonly string[], at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1];
  return SEPARATOR.test(before) || (/[a-z0-9]/.test(before) && /[A-Z]/.test(text[at]));
}

/**
 * How well `query` matches `text` as a subsequence, case-insensitively (higher is better); undefined when it does
 * not. Every placement of the query's characters is weighed, not only the leftmost, so "dev" in "d-prod-dev" scores
 * the word "dev", not the scattered d, e, v.
 */
export function fuzzyMatch(query: string, text: string): number | undefined {
  const q = [...query.toLowerCase()];
  const t = [...text];
  const lower = t.map((c) => c.toLowerCase());
  if (!q.length) return 0;
  // best[j]: the best score with the current query character at text position j (-Infinity: impossible there).
  let best: number[] = t.map((_, j) => (lower[j] === q[0] ? MATCH + (startsWord(t, j) ? WORD_START : 0) - GAP * j : -Infinity));
  for (let i = 1; i < q.length; i++) {
    const next: number[] = new Array(t.length).fill(-Infinity);
    // The best earlier placement, paying for the gap up to j: max over k < j - 1 of best[k] - GAP * (j - k - 1).
    let farthest = -Infinity;
    for (let j = 1; j < t.length; j++) {
      if (j >= 2) farthest = Math.max(farthest, best[j - 2] + GAP * (j - 2));
      if (lower[j] !== q[i]) continue;
      const adjacent = best[j - 1] + RUN;
      const apart = farthest - GAP * (j - 1);
      const before = Math.max(adjacent, apart);
      if (before > -Infinity) next[j] = before + MATCH + (startsWord(t, j) ? WORD_START : 0);
    }
    best = next;
  }
  const score = Math.max(...best);
  return score > -Infinity ? score : undefined;
}

/**
 * The items whose text matches the query, best first; equal scores keep the shorter text first, then the items'
 * own order. An empty query keeps every item in its order.
 */
export function rankByMatch<T>(query: string, items: readonly T[], textOf: (item: T) => string): T[] {
  if (!query) return [...items];
  return items
    .map((item, index) => ({ item, index, text: textOf(item), score: fuzzyMatch(query, textOf(item)) }))
    .filter((scored): scored is typeof scored & { score: number } => scored.score !== undefined)
    .sort((a, b) => b.score - a.score || a.text.length - b.text.length || a.index - b.index)
    .map((scored) => scored.item);
}
