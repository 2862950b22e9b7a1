import type { ProfileRow } from '../../src/core/profileRow';
import type { PickerKey } from '../../src/interaction/pickerKeys';
import { initialPickerState, pickerStep, scrollTop, type PickerState, type PickerStep } from '../../src/interaction/pickerState';

const NAMES = ['admin', 'dev', 'dev-admin', 'prod', 'prod-admin', 'sandbox', 'staging'];
const ROWS: ProfileRow[] = NAMES.map((name) => ({ name, kind: 'role' }));
const VISIBLE = 3;

const text = (typed: string): PickerKey => ({ kind: 'text', text: typed });
const key = (kind: Exclude<PickerKey['kind'], 'text'>) => ({ kind }) as PickerKey;

/** The keys pressed in turn from the first state; what the last one gives. */
function after(keys: PickerKey[], preselect?: string): PickerStep {
  let step: PickerStep = { state: initialPickerState(ROWS, preselect, VISIBLE) };
  for (const pressed of keys) {
    if (!('state' in step)) throw new Error('the picker ended before the last key');
    step = pickerStep(step.state, pressed, VISIBLE);
  }
  return step;
}

type Seen = { query: string; shown: string[]; selected: string | undefined } | Exclude<PickerStep, { state: unknown }>;

/** What a person sees of a state: the query, the names shown, the one selected. */
function seen(step: PickerStep): Seen {
  if (!('state' in step)) return step;
  const { query, matches, selected, top } = step.state as PickerState;
  return { query, shown: matches.slice(top, top + VISIBLE).map((row) => row.name), selected: matches[selected]?.name };
}

describe(pickerStep.name, () => {
  it.each<[string, PickerKey[], string | undefined, Seen]>([
    ['starts at the top', [], undefined, { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'admin' }],
    ['starts at the preselected profile, scrolled to it', [], 'sandbox', { query: '', shown: ['prod', 'prod-admin', 'sandbox'], selected: 'sandbox' }],
    ['a preselected profile that is not there: the top', [], 'gone', { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'admin' }],
    ['down moves the selection', [key('down')], undefined, { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'dev' }],
    ['down past the last row shown scrolls by one', [key('down'), key('down'), key('down')], undefined, { query: '', shown: ['dev', 'dev-admin', 'prod'], selected: 'prod' }],
    ['up at the top stays', [key('up')], undefined, { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'admin' }],
    ['down at the bottom stays', [key('last'), key('down')], undefined, { query: '', shown: ['prod-admin', 'sandbox', 'staging'], selected: 'staging' }],
    ['up from the preselected row scrolls back', [key('up'), key('up'), key('up')], 'sandbox', { query: '', shown: ['dev-admin', 'prod', 'prod-admin'], selected: 'dev-admin' }],
    ['page down moves by a screen', [key('pageDown')], undefined, { query: '', shown: ['dev', 'dev-admin', 'prod'], selected: 'prod' }],
    ['page up moves by a screen, no further than the top', [key('last'), key('pageUp'), key('pageUp'), key('pageUp')], undefined, { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'admin' }],
    ['typing filters, best first, and selects the best', [text('adm')], undefined, { query: 'adm', shown: ['admin', 'dev-admin', 'prod-admin'], selected: 'admin' }],
    ['typing after a move selects the best match again', [key('down'), key('down'), text('p')], undefined, { query: 'p', shown: ['prod', 'prod-admin'], selected: 'prod' }],
    ['arrows move among the matches', [text('adm'), key('down')], undefined, { query: 'adm', shown: ['admin', 'dev-admin', 'prod-admin'], selected: 'dev-admin' }],
    ['backspace widens the filter again', [text('sx'), key('backspace')], undefined, { query: 's', shown: ['sandbox', 'staging'], selected: 'sandbox' }],
    ['backspace takes a whole character beyond the BMP', [text('d\ud83d\udd11'), key('backspace')], undefined, { query: 'd', shown: ['dev', 'dev-admin', 'admin'], selected: 'dev' }],
    ['Ctrl-U clears the query', [text('zz'), key('clearQuery')], undefined, { query: '', shown: ['admin', 'dev', 'dev-admin'], selected: 'admin' }],
    ['Ctrl-W deletes the last word', [text('dev adm'), key('deleteWord')], undefined, { query: 'dev ', shown: [], selected: undefined }],
    ['nothing matches: nothing shown, nothing selected', [text('zz')], undefined, { query: 'zz', shown: [], selected: undefined }],
    ['Enter with nothing matching goes on', [text('zz'), key('enter')], undefined, { query: 'zz', shown: [], selected: undefined }],
  ])('%s', (_what, keys, preselect, expected) => {
    expect(seen(after(keys, preselect))).toEqual(expected);
  });

  it.each<[string, PickerKey[], string | undefined, PickerStep]>([
    ['Enter picks the selected row', [key('down'), key('enter')], undefined, { picked: 'dev' }],
    ['Enter picks the preselected row untouched', [key('enter')], 'staging', { picked: 'staging' }],
    ['Enter picks the best match of the filter', [text('pa'), key('enter')], undefined, { picked: 'prod-admin' }],
    ['Esc gives up', [text('pa'), key('escape')], undefined, { cancelled: 'escape' }],
    ['Ctrl-C gives up', [key('interrupt')], undefined, { cancelled: 'interrupt' }],
    ['Ctrl-D gives up', [key('down'), key('endOfInput')], undefined, { cancelled: 'endOfInput' }],
  ])('%s', (_what, keys, preselect, expected) => {
    expect(after(keys, preselect)).toEqual(expected);
  });
});

describe(scrollTop.name, () => {
  it.each<[number, number, number, number]>([
    // top, selected, visible → top
    [0, 0, 3, 0],
    [0, 2, 3, 0],
    [0, 3, 3, 1],
    [4, 2, 3, 2],
    [4, 5, 3, 4],
    [0, 5, 0, 5],
  ])('top %i, selected %i, %i visible: %i', (top, selected, visible, expected) => {
    expect(scrollTop(top, selected, visible)).toBe(expected);
  });
});
