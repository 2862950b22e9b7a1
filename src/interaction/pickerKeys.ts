/** What a key pressed at the picker means. */
export type PickerKey =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last' }
  | { readonly kind: 'enter' | 'escape' | 'interrupt' | 'endOfInput' }
  | { readonly kind: 'backspace' | 'clearQuery' | 'deleteWord' };

type Kind = PickerKey['kind'];

const CONTROL: Readonly<Record<string, Kind>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x03': 'interrupt',
  '\x04': 'endOfInput',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x15': 'clearQuery',
  '\x17': 'deleteWord',
  '\x10': 'up',
  '\x0e': 'down',
};

// The final byte of CSI (ESC [) and SS3 (ESC O) sequences the picker knows; "~" sequences by their number.
const FINAL: Readonly<Record<string, Kind>> = { A: 'up', B: 'down', H: 'first', F: 'last' };
const TILDE: Readonly<Record<string, Kind>> = { '1': 'first', '7': 'first', '4': 'last', '8': 'last', '5': 'pageUp', '6': 'pageDown' };

// ESC [ parameters, intermediates, final byte (ECMA-48); ESC O and one byte.
const CSI = /^\x1b\[([0-?]*)[ -/]*([@-~])/;
const SS3 = /^\x1bO(.)/;

/**
 * The keys in one read from a terminal in raw mode. A lone ESC (at the end of the read, or before another ESC) is the
 * Esc key: a terminal writes each key's sequence at once, so a sequence is never split across reads in practice,
 * and waiting to see whether more follows would delay every Esc. Sequences the picker has no use for (left, right,
 * function keys, Alt with a key) and other control characters are dropped.
 */
export function decodeKeys(chunk: string): PickerKey[] {
  const keys: PickerKey[] = [];
  let text = '';
  const push = (key: PickerKey) => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
    keys.push(key);
  };
  let rest = chunk;
  while (rest) {
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    if (char !== '\x1b') {
      rest = rest.slice(char.length);
      if (CONTROL[char]) push({ kind: CONTROL[char] } as PickerKey);
      else if (!/[\u0000-\u001f\u007f-\u009f]/.test(char)) text += char;
      continue;
    }
    const csi = CSI.exec(rest);
    const ss3 = csi ? undefined : SS3.exec(rest);
    if (csi) {
      const kind = csi[2] === '~' ? TILDE[csi[1]] : FINAL[csi[2]];
      if (kind) push({ kind } as PickerKey);
      rest = rest.slice(csi[0].length);
    } else if (ss3) {
      const kind = FINAL[ss3[1]];
      if (kind) push({ kind } as PickerKey);
      rest = rest.slice(ss3[0].length);
    } else if (rest.length === 1 || rest[1] === '\x1b') {
      push({ kind: 'escape' });
      rest = rest.slice(1);
    } else {
      // Alt with a key, or a sequence cut short: neither is typed text.
      rest = rest.slice(1 + String.fromCodePoint(rest.codePointAt(1)!).length);
    }
  }
  if (text) keys.push({ kind: 'text', text });
  return keys;
}
