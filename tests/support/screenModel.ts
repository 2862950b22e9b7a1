/**
 * What a terminal shows after some output: the few control sequences awsenv's picker writes, played on a grid of
 * `width` by `height` cells. A sequence it does not know is an error, not skipped: a test that reads the screen must
 * not pass because part of the output was never looked at.
 */
export interface Screen {
  /** The lines shown, trailing spaces and trailing empty lines left out. */
  readonly lines: string[];
  /** Whether long lines wrap at the end (DECAWM), as they do until an application turns it off. */
  readonly autowrap: boolean;
  /** Whether a selection (SGR 7, inverse video) is still on. */
  readonly inverse: boolean;
}

export function playScreen(output: string, width: number, height: number): Screen {
  const grid: string[][] = [[]];
  let row = 0;
  let column = 0;
  let autowrap = true;
  let inverse = false;
  const lineFeed = () => {
    row += 1;
    if (row === height) {
      // Scrolled: the top line leaves the screen, as a terminal drops it into its history.
      grid.shift();
      row = height - 1;
    }
    grid[row] ??= [];
  };
  const sequence = /^\x1b\[(\??)(\d*(?:;\d+)*)([A-Za-z])/;
  for (let rest = output; rest; ) {
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    if (char === '\x1b') {
      const match = sequence.exec(rest);
      if (!match) throw new Error(`a sequence the model does not know: ${JSON.stringify(rest.slice(0, 12))}`);
      const [whole, privateMode, param, final] = match;
      const n = Number(param || '1');
      if (privateMode && (final === 'l' || final === 'h') && param === '7') autowrap = final === 'h';
      else if (privateMode && (final === 'l' || final === 'h') && param === '25') {
        // The cursor shown or hidden: nothing on the grid.
      } else if (privateMode) throw new Error(`a private mode the model does not know: ${JSON.stringify(whole)}`);
      else if (final === 'A') row = Math.max(0, row - n);
      else if (final === 'B') row = Math.min(height - 1, row + n);
      else if (final === 'C') column = Math.min(width - 1, column + n);
      else if (final === 'D') column = Math.max(0, column - n);
      else if (final === 'G') column = Math.min(width - 1, n - 1);
      else if (final === 'K' && (param === '' || param === '0')) grid[row] = (grid[row] ?? []).slice(0, column);
      else if (final === 'J' && (param === '' || param === '0')) {
        grid[row] = (grid[row] ?? []).slice(0, column);
        grid.length = row + 1;
      } else if (final === 'm' && ['7', '27', '0', ''].includes(param)) inverse = param === '7';
      else throw new Error(`a sequence the model does not know: ${JSON.stringify(whole)}`);
      for (let r = 0; r <= row; r++) grid[r] ??= [];
      rest = rest.slice(whole.length);
      continue;
    }
    rest = rest.slice(char.length);
    if (char === '\r') column = 0;
    else if (char === '\n') lineFeed();
    else if (char === '\b') column = Math.max(0, column - 1);
    else if (char === '\x07') continue;
    else if (/[\u0000-\u001f\u007f]/.test(char)) throw new Error(`a control character the model does not know: ${JSON.stringify(char)}`);
    else {
      if (column === width) {
        // Past the last column: the next character wraps, or with autowrap off, takes the last cell.
        if (autowrap) {
          lineFeed();
          column = 0;
        } else column = width - 1;
      }
      const line = (grid[row] ??= []);
      while (line.length < column) line.push(' ');
      line[column] = char;
      column += 1;
    }
  }
  const lines = grid.map((line) => (line ?? []).join('').replace(/\s+$/, ''));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return { lines, autowrap, inverse };
}
