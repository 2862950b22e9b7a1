import { AwsenvError } from '../core/errors';
import type { ProfileRow } from '../core/profileRow';
import { decodeKeys } from './pickerKeys';
import { pickerLines, visibleRows } from './pickerLines';
import { initialPickerState, pickerStep, type PickerState } from './pickerState';

/** The terminal as the picker uses it; chooseProfile gives the real one, tests an in-memory one. */
export interface PickerTerminal {
  write(text: string): void;
  size(): { readonly columns: number; readonly rows: number };
  setRaw(raw: boolean): void;
  /** Starts delivering what is typed, the terminal's end (closed, hung up, an error) and its resizes. */
  listen(events: { input(chunk: string): void; end(error?: Error): void; resize(): void }): void;
  /** Stops listening and lets the terminal go. */
  close(): void;
}

// Off while the picker is drawn: a line that still came out too long is cut by the terminal instead of wrapping onto a
// line the picker would not know to erase.
const AUTOWRAP_OFF = '\x1b[?7l';
const AUTOWRAP_ON = '\x1b[?7h';
const ERASE_DOWN = '\x1b[J';
const up = (lines: number) => (lines > 0 ? `\x1b[${lines}A` : '');
const right = (columns: number) => (columns > 0 ? `\x1b[${columns}C` : '');

const cancelled = (kind: 'escape' | 'interrupt' | 'endOfInput') =>
  kind === 'interrupt' ? new AwsenvError('interrupted', 'the profile picker was interrupted; nothing changed') : new AwsenvError('interaction', 'no profile picked; nothing changed');

/**
 * Runs the picker on a terminal until a profile is picked (its name) or the person gives up (an error): drawn below
 * the cursor, redrawn after each key and resize, and on every way out erased, with the terminal as it was (raw mode
 * off, lines wrapping again) before the promise settles.
 */
export function runPicker(terminal: PickerTerminal, rows: readonly ProfileRow[], preselect: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    let state: PickerState = initialPickerState(rows, preselect, visibleRows(rows.length, terminal.size().rows));
    // Which of the picker's lines the cursor stands on (the query's), or undefined before the first draw.
    let cursorLine: number | undefined;
    let ended = false;

    const draw = () => {
      const { columns, rows: height } = terminal.size();
      const { lines, cursorColumn } = pickerLines(state, columns, height);
      const back = cursorLine === undefined ? '\r' : `${up(cursorLine)}\r`;
      terminal.write(`${back}${ERASE_DOWN}${lines.join('\r\n')}${up(lines.length - 2)}\r${right(cursorColumn)}`);
      cursorLine = 1;
    };
    const end = (error: AwsenvError | undefined, picked?: string) => {
      if (ended) return;
      ended = true;
      // Each part on its own: a terminal that went away fails the write, and raw mode must still go.
      try {
        terminal.write(`${cursorLine === undefined ? '' : `${up(cursorLine)}\r${ERASE_DOWN}`}${AUTOWRAP_ON}`);
      } catch {
        // Nothing left to erase on.
      }
      try {
        terminal.setRaw(false);
      } catch {
        // Likewise.
      }
      terminal.close();
      if (error) reject(error);
      else resolve(picked!);
    };
    const failed = (cause: unknown) =>
      end(cause instanceof AwsenvError ? cause : new AwsenvError('interaction', `the profile picker lost the terminal (${(cause as Error)?.message ?? cause}); nothing changed`, { cause }));

    try {
      // Listening first: a signal that comes once the terminal is raw must find its listener (chooseProfile's).
      terminal.listen({
        input: (chunk) => {
          try {
            for (const key of decodeKeys(chunk)) {
              const step = pickerStep(state, key, visibleRows(rows.length, terminal.size().rows));
              if ('picked' in step) return end(undefined, step.picked);
              if ('cancelled' in step) return end(cancelled(step.cancelled));
              state = step.state;
            }
            draw();
          } catch (error) {
            failed(error);
          }
        },
        end: (error) => end(new AwsenvError('interaction', 'the terminal closed before a profile was picked; nothing changed', { cause: error })),
        resize: () => {
          try {
            if (!ended) draw();
          } catch (error) {
            failed(error);
          }
        },
      });
      terminal.setRaw(true);
      terminal.write(AUTOWRAP_OFF);
      draw();
    } catch (error) {
      failed(error);
    }
  });
}
