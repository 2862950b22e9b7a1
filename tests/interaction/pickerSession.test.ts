import { AwsenvError } from '../../src/core/errors';
import type { ProfileRow } from '../../src/core/profileRow';
import { TITLE } from '../../src/interaction/pickerLines';
import { runPicker, type PickerTerminal } from '../../src/interaction/pickerSession';
import { playScreen } from '../support/screenModel';

const ROWS: ProfileRow[] = ['admin', 'dev', 'dev-admin', 'prod', 'prod-admin'].map((name) => ({ name, kind: 'role', account: '222222222222', region: 'eu-west-1' }));
const WIDTH = 60;
const HEIGHT = 12;
// What the terminal showed before awsuse ran; the picker is drawn below it.
const BEFORE = 'a line before\r\n';

type Events = Parameters<PickerTerminal['listen']>[0];

/** A terminal in memory: what was written to it, its raw mode over time, whether it was let go. */
function memoryTerminal(options: { failWrites?: boolean; size?: { columns: number; rows: number } } = {}) {
  let output = BEFORE;
  let events: Events | undefined;
  const raw: boolean[] = [];
  let closed = 0;
  let size = options.size ?? { columns: WIDTH, rows: HEIGHT };
  const terminal: PickerTerminal = {
    write: (text) => {
      if (options.failWrites && output !== BEFORE) throw new Error('EIO: i/o error, write');
      output += text;
    },
    size: () => size,
    setRaw: (on) => raw.push(on),
    listen: (given) => {
      events = given;
    },
    close: () => {
      closed += 1;
      events = undefined;
    },
  };
  return {
    terminal,
    type: (keys: string) => events?.input(keys),
    end: (error?: Error) => events?.end(error),
    resize: (to: { columns: number; rows: number }) => {
      size = to;
      events?.resize();
    },
    screen: () => playScreen(output, WIDTH, HEIGHT),
    state: () => ({ raw, closed }),
  };
}

async function outcome(promise: Promise<string>): Promise<string | { kind: string; message: string }> {
  try {
    return await promise;
  } catch (error) {
    if (!(error instanceof AwsenvError)) throw error;
    return { kind: error.kind, message: error.message };
  }
}

const NOTHING_PICKED = { kind: 'interaction', message: 'no profile picked; nothing changed' };

describe(runPicker.name, () => {
  it('draws below the cursor on a raw terminal, the preselected profile selected', async () => {
    const t = memoryTerminal();
    const picked = runPicker(t.terminal, ROWS, 'prod');
    expect(t.state()).toEqual({ raw: [true], closed: 0 });
    const screen = t.screen();
    expect(screen.lines.slice(0, 3)).toEqual(['a line before', TITLE.slice(0, WIDTH - 2) + '\u2026', '>']);
    expect(screen.lines.filter((line) => line.startsWith('> '))).toEqual(['> prod        role  222222222222  eu-west-1']);
    expect(screen.autowrap).toBe(false);
    t.end();
    await expect(picked).rejects.toThrow('the terminal closed');
  });

  it('redraws in place after each key: the filter, the move, the count', async () => {
    const t = memoryTerminal();
    const picked = runPicker(t.terminal, ROWS, undefined);
    t.type('adm');
    t.type('\x1b[B');
    expect(t.screen().lines).toEqual([
      'a line before',
      `${TITLE.slice(0, WIDTH - 2)}\u2026`,
      '> adm',
      '  admin       role  222222222222  eu-west-1',
      '> dev-admin   role  222222222222  eu-west-1',
      '  prod-admin  role  222222222222  eu-west-1',
      '',
      '',
      '  2/3',
    ]);
    t.end();
    await expect(picked).rejects.toThrow('the terminal closed');
  });

  it('fits itself to a resized terminal', async () => {
    const t = memoryTerminal();
    const picked = runPicker(t.terminal, ROWS, undefined);
    t.resize({ columns: 30, rows: HEIGHT });
    expect(t.screen().lines.filter((line) => line.length >= 30)).toEqual([]);
    t.end();
    await expect(picked).rejects.toThrow('the terminal closed');
  });

  // Every way out: the result, and the terminal as it was, with nothing of the picker left on the screen.
  it.each<[string, (t: ReturnType<typeof memoryTerminal>) => void, string | { kind: string; message: string }]>([
    ['Enter picks the selected profile', (t) => t.type('\x1b[B\x1b[B\r'), 'dev-admin'],
    ['Enter after a filter picks its best match', (t) => t.type('pa\r'), 'prod-admin'],
    ['keys and Enter in one read', (t) => t.type('dev\x1b[B\r'), 'dev-admin'],
    ['Esc', (t) => t.type('pr\x1b'), NOTHING_PICKED],
    ['Ctrl-D', (t) => t.type('\x04'), NOTHING_PICKED],
    ['Ctrl-C', (t) => t.type('\x03'), { kind: 'interrupted', message: 'the profile picker was interrupted; nothing changed' }],
    ['the terminal closing', (t) => t.end(), { kind: 'interaction', message: 'the terminal closed before a profile was picked; nothing changed' }],
    ['the terminal failing', (t) => t.end(new Error('EIO')), { kind: 'interaction', message: 'the terminal closed before a profile was picked; nothing changed' }],
  ])('%s: the terminal restored, the picker erased', async (_what, act, expected) => {
    const t = memoryTerminal();
    const picked = runPicker(t.terminal, ROWS, undefined);
    act(t);
    expect(await outcome(picked)).toEqual(expected);
    expect(t.state()).toEqual({ raw: [true, false], closed: 1 });
    expect(t.screen()).toEqual({ lines: ['a line before'], autowrap: true, inverse: false });
    // Keys after the end reach no one.
    t.type('\r');
  });

  it('a write that fails ends the picker with raw mode off', async () => {
    const t = memoryTerminal({ failWrites: true });
    const picked = runPicker(t.terminal, ROWS, undefined);
    expect(await outcome(picked)).toEqual({ kind: 'interaction', message: 'the profile picker lost the terminal (EIO: i/o error, write); nothing changed' });
    expect(t.state()).toEqual({ raw: [true, false], closed: 1 });
  });
});
