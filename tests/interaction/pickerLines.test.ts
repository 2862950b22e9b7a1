import type { ProfileRow } from '../../src/core/profileRow';
import { MAX_ROWS, TITLE, pickerLines, visibleRows } from '../../src/interaction/pickerLines';
import { initialPickerState, pickerStep, type PickerState } from '../../src/interaction/pickerState';

const ROWS: ProfileRow[] = [
  { name: 'admin', kind: 'role', account: '222222222222', region: 'eu-central-1' },
  { name: 'alice', kind: 'mfa-session', account: '111111111111' },
  { name: 'dev', kind: 'sso', account: '555555555555', region: 'us-east-2' },
  { name: 'evil\u001b]0;pwned\u0007', kind: 'static', region: 'eu-west-1\u001b[2J' },
];

const INVERSE = '\x1b[7m';
const NORMAL = '\x1b[27m';
const visibleLength = (line: string) => [...line.replace(/\x1b\[\d*m/g, '')].length;

function stateAfter(typed: string, rows = ROWS, preselect?: string): PickerState {
  let state = initialPickerState(rows, preselect, MAX_ROWS);
  for (const char of typed) {
    const step = pickerStep(state, char === '\u2193' ? { kind: 'down' } : { kind: 'text', text: char }, MAX_ROWS);
    if (!('state' in step)) throw new Error('ended');
    state = step.state;
  }
  return state;
}

describe(pickerLines.name, () => {
  it.each<[string, PickerState, number, number, string[], number]>([
    [
      'every row in aligned columns, the selected one in inverse video; control characters as "?"',
      stateAfter('\u2193'),
      100,
      24,
      [
        TITLE,
        '> ',
        '  admin           role         222222222222  eu-central-1',
        `${INVERSE}> alice           mfa-session  111111111111  -${NORMAL}`,
        '  dev             sso          555555555555  us-east-2',
        '  evil?]0;pwned?  static       -             eu-west-1?[2J',
        '  2/4',
      ],
      2,
    ],
    [
      'a filter: the matches, the first selected, the cursor after the query',
      stateAfter('d'),
      100,
      24,
      [
        TITLE,
        '> d',
        `${INVERSE}> dev             sso          555555555555  us-east-2${NORMAL}`,
        '  admin           role         222222222222  eu-central-1',
        '  evil?]0;pwned?  static       -             eu-west-1?[2J',
        '',
        '  1/3',
      ],
      3,
    ],
    [
      'nothing matches: the rows stay as blank lines, so the picker keeps its height',
      stateAfter('zz'),
      100,
      24,
      [TITLE, '> zz', '', '', '', '', '  no profile matches "zz"'],
      4,
    ],
    [
      'a narrow terminal: the name column gives way, then every line is cut before the last column',
      stateAfter(''),
      40,
      24,
      [
        'awsuse: pick a profile (type to filter\u2026',
        '> ',
        `${INVERSE}> admin         role         222222222\u2026${NORMAL}`,
        '  alice         mfa-session  111111111\u2026',
        '  dev           sso          555555555\u2026',
        '  evil?]0;pwn\u2026  static       -        \u2026',
        '  1/4',
      ],
      2,
    ],
    [
      'a low terminal: fewer rows, scrolled to the selection',
      stateAfter('\u2193\u2193'),
      100,
      5,
      [TITLE, '> ', '  alice           mfa-session  111111111111  -', `${INVERSE}> dev             sso          555555555555  us-east-2${NORMAL}`, '  3/4'],
      2,
    ],
  ])('%s', (_what, state, width, height, lines, cursorColumn) => {
    expect(pickerLines(state, width, height)).toEqual({ lines, cursorColumn });
  });

  it('shows the end of a query longer than the line, with the cursor after it', () => {
    const { lines, cursorColumn } = pickerLines(stateAfter('abcdefghijklmnopqrstuvwxyz'), 12, 24);
    expect([lines[1], cursorColumn]).toEqual(['> rstuvwxyz', 11]);
  });

  it.each([1, 2, 5, 10, 20, 33, 57, 80, 200])('at %i columns every line is shorter than the terminal is wide', (width) => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `profile-${i}-${'x'.repeat(i * 3)}`, kind: 'web-identity', account: '123456789012', region: 'ap-southeast-2' }));
    for (const state of [stateAfter('', many), stateAfter('x', many), stateAfter('\u2193\u2193', ROWS)]) {
      const { lines, cursorColumn } = pickerLines(state, width, 24);
      expect(lines.filter((line) => visibleLength(line) >= Math.max(width, 2))).toEqual([]);
      expect(cursorColumn).toBeLessThan(Math.max(width, 2));
    }
  });
});

describe(visibleRows.name, () => {
  it.each<[number, number, number]>([
    [4, 24, 4],
    [30, 24, MAX_ROWS],
    [30, 8, 5],
    [30, 2, 1],
    [0, 24, 1],
  ])('%i profiles, %i lines: %i rows', (profiles, height, rows) => {
    expect(visibleRows(profiles, height)).toBe(rows);
  });
});
