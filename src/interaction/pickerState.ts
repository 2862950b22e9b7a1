import type { ProfileRow } from '../core/profileRow';
import { rankByMatch } from './fuzzyMatch';
import type { PickerKey } from './pickerKeys';

/** What the picker shows: the query typed, the rows that match it (best first), the one selected, the first shown. */
export interface PickerState {
  readonly rows: readonly ProfileRow[];
  readonly query: string;
  readonly matches: readonly ProfileRow[];
  /** An index into matches; 0 when there are none. */
  readonly selected: number;
  /** The index into matches of the first row shown: the list scrolls to keep the selected row in view. */
  readonly top: number;
}

/** After a key: the picker goes on, or ends with a profile or without one (and how). */
export type PickerStep =
  | { readonly state: PickerState }
  | { readonly picked: string }
  | { readonly cancelled: 'escape' | 'interrupt' | 'endOfInput' };

/** The first state: every row, the preselected one (the profile exported now, or AWS_PROFILE) selected if it is there. */
export function initialPickerState(rows: readonly ProfileRow[], preselect: string | undefined, visible: number): PickerState {
  const selected = Math.max(0, rows.findIndex((row) => row.name === preselect));
  return { rows, query: '', matches: rows, selected, top: scrollTop(0, selected, visible) };
}

/** The first row to show so that `selected` is among the `visible` rows, moving as little as possible from `top`. */
export function scrollTop(top: number, selected: number, visible: number): number {
  return Math.max(0, Math.min(top, selected), selected - Math.max(1, visible) + 1);
}

/** The state after one key, with `visible` rows on the screen. */
export function pickerStep(state: PickerState, key: PickerKey, visible: number): PickerStep {
  const select = (selected: number): PickerStep => {
    const within = Math.min(Math.max(selected, 0), Math.max(state.matches.length - 1, 0));
    return { state: { ...state, selected: within, top: scrollTop(state.top, within, visible) } };
  };
  const query = (text: string): PickerStep => {
    if (text === state.query) return { state };
    // A new query ranks anew, and the best match is the one to pick.
    return { state: { ...state, query: text, matches: rankByMatch(text, state.rows, (row) => row.name), selected: 0, top: 0 } };
  };
  switch (key.kind) {
    case 'text':
      return query(state.query + key.text);
    case 'backspace':
      return query([...state.query].slice(0, -1).join(''));
    case 'clearQuery':
      return query('');
    case 'deleteWord':
      return query(state.query.replace(/\S*\s*$/, ''));
    case 'up':
      return select(state.selected - 1);
    case 'down':
      return select(state.selected + 1);
    case 'pageUp':
      return select(state.selected - Math.max(1, visible));
    case 'pageDown':
      return select(state.selected + Math.max(1, visible));
    case 'first':
      return select(0);
    case 'last':
      return select(state.matches.length - 1);
    case 'enter': {
      const row = state.matches[state.selected];
      // Enter with nothing matching picks nothing: the person goes on typing or deleting.
      return row ? { picked: row.name } : { state };
    }
    case 'escape':
    case 'interrupt':
    case 'endOfInput':
      return { cancelled: key.kind };
  }
}
