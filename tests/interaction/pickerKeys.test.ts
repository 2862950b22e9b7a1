import { decodeKeys, type PickerKey } from '../../src/interaction/pickerKeys';

const key = (kind: Exclude<PickerKey['kind'], 'text'>) => ({ kind }) as PickerKey;
const text = (typed: string): PickerKey => ({ kind: 'text', text: typed });

describe(decodeKeys.name, () => {
  it.each<[string, string, PickerKey[]]>([
    ['letters', 'dev', [text('dev')]],
    ['letters beyond ASCII', 'd\u00e9v\u65e5\ud83d\udd11', [text('d\u00e9v\u65e5\ud83d\udd11')]],
    ['Enter as the terminal sends it in raw mode', '\r', [key('enter')]],
    ['Enter as a paste may carry it', '\n', [key('enter')]],
    ['Esc alone', '\x1b', [key('escape')]],
    ['Esc twice', '\x1b\x1b', [key('escape'), key('escape')]],
    ['Ctrl-C', '\x03', [key('interrupt')]],
    ['Ctrl-D', '\x04', [key('endOfInput')]],
    ['arrows (CSI)', '\x1b[A\x1b[B', [key('up'), key('down')]],
    ['arrows (SS3, application cursor mode)', '\x1bOA\x1bOB', [key('up'), key('down')]],
    ['Ctrl-P and Ctrl-N', '\x10\x0e', [key('up'), key('down')]],
    ['Page Up and Page Down', '\x1b[5~\x1b[6~', [key('pageUp'), key('pageDown')]],
    ['Home and End, each way terminals send them', '\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~', [key('first'), key('last'), key('first'), key('last'), key('first'), key('last'), key('first'), key('last')]],
    ['Backspace (DEL) and Ctrl-H', '\x7f\b', [key('backspace'), key('backspace')]],
    ['Ctrl-U and Ctrl-W', '\x15\x17', [key('clearQuery'), key('deleteWord')]],
    ['text around keys, in order', 'de\x1b[Bv\r', [text('de'), key('down'), text('v'), key('enter')]],
    ['sequences of no use are dropped: left, right, F5', '\x1b[D\x1b[C\x1b[15~', []],
    ['an arrow with Ctrl or Shift is the arrow', '\x1b[1;5A\x1b[1;2B', [key('up'), key('down')]],
    ['Alt with a key is not text', '\x1bx', []],
    ['other control characters are not text: tab, bell, C1', 'a\tb\x07c\u009bd', [text('abcd')]],
    ['a cut sequence drops the rest, not the keys after it', '\x1b[', []],
  ])('%s', (_what, chunk, keys) => {
    expect(decodeKeys(chunk)).toEqual(keys);
  });
});
