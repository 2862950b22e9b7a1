import { printable } from '../core/printable';
import type { ProfileRow } from '../core/profileRow';
import { scrollTop, type PickerState } from './pickerState';

/** At most this many profiles are shown at once; the list scrolls through the rest. */
export const MAX_ROWS = 10;

export const TITLE = 'awsuse: pick a profile (type to filter, up/down to move, Enter to pick, Esc to cancel)';
const PROMPT = '> ';
const GAP = '  ';
const SELECTED = '\x1b[7m';
const PLAIN = '\x1b[27m';

/** What the picker draws: its lines, top to bottom, and the column of the cursor on the query's line (the second). */
export interface PickerScreen {
  readonly lines: readonly string[];
  readonly cursorColumn: number;
}

/** How many profile rows a terminal of `height` lines shows: the title, the query and the count take three. */
export const visibleRows = (profiles: number, height: number) => Math.max(1, Math.min(MAX_ROWS, profiles, height - 3));

const length = (text: string) => [...text].length;

/** The text cut to `width` characters, an ellipsis in place of what is cut. */
function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width > 0 ? `${chars.slice(0, width - 1).join('')}\u2026` : '';
}

const cellsOf = (row: ProfileRow) => [row.name, row.kind, row.account ?? '-', row.region ?? '-'].map(printable);

/**
 * The lines for a state on a terminal `width` columns wide and `height` lines high. Every line is shorter than the
 * width (a line that reached the last column would wrap on some terminals, and the picker could no longer erase what
 * it drew); the columns are as wide as the widest value of all the rows, so they stand still while the list is
 * filtered, and the name column gives way first when the terminal is narrow.
 */
export function pickerLines(state: PickerState, width: number, height: number): PickerScreen {
  const usable = Math.max(1, width - 1);
  const visible = visibleRows(state.rows.length, height);
  const all = state.rows.map(cellsOf);
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...all.map((cells) => length(cells[column]))));
  const others = widths[1] + widths[2] + widths[3] + 3 * GAP.length;
  widths[0] = Math.min(widths[0], Math.max(usable - PROMPT.length - others, Math.min(widths[0], 12)));

  const top = scrollTop(state.top, state.selected, visible);
  const rows: string[] = [];
  for (let i = top; i < top + visible; i++) {
    const row = state.matches[i];
    if (!row) {
      rows.push('');
      continue;
    }
    const cells = cellsOf(row).map((cell, column) => (column === 3 ? fit(cell, widths[3]) : fit(cell, widths[column]).padEnd(widths[column])));
    const line = fit(`${i === state.selected ? PROMPT : '  '}${cells.join(GAP)}`, usable);
    rows.push(i === state.selected ? `${SELECTED}${line}${PLAIN}` : line);
  }

  const query = printable(state.query);
  // A query longer than the line shows its end, where the person is typing.
  const shown = [...query].slice(-Math.max(0, usable - PROMPT.length)).join('');
  const count = state.matches.length ? `  ${state.selected + 1}/${state.matches.length}` : `  no profile matches "${query}"`;
  return {
    lines: [fit(TITLE, usable), fit(`${PROMPT}${shown}`, usable), ...rows, fit(count, usable)],
    cursorColumn: Math.min(PROMPT.length + length(shown), usable),
  };
}
