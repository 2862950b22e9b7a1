import { dieOf } from '../core/dieOf';
import { AwsenvError } from '../core/errors';
import type { ProfileRow } from '../core/profileRow';
import { writeAllSync } from '../core/writeAllSync';
import { runPicker, type PickerTerminal } from './pickerSession';
import { openTerminal } from './terminal';

// Signals that would end awsenv with the terminal still raw: the picker puts it back first, then ends by the signal.
// (Ctrl-C at the picker is a key in raw mode; a SIGINT comes from elsewhere.)
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Lets the person pick one of the profiles on the controlling terminal, /dev/tty, never stdout (which the shell
 * evaluates) nor stderr (which may be redirected), so it works inside `eval "$(awsenv …)"`. Undefined where there is
 * no terminal to open; an error when the person gives up.
 */
export async function chooseProfile(rows: readonly ProfileRow[], preselect: string | undefined): Promise<string | undefined> {
  const descriptors = openTerminal();
  if (!descriptors) return undefined;
  // Loaded here: only a bare awsuse at a terminal draws a picker.
  const tty = await import('node:tty');
  let caught: NodeJS.Signals | undefined;
  const listeners: Array<[NodeJS.Signals, () => void]> = [];
  const input = new tty.ReadStream(descriptors.read);
  const output = new tty.WriteStream(descriptors.write);
  const terminal: PickerTerminal = {
    write: (text) => writeAllSync(descriptors.write, text),
    // A terminal that reports no size (0 columns, as a pty nobody sized does) is taken as the usual 80 by 24.
    size: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
    setRaw: (raw) => input.setRawMode(raw),
    listen: (events) => {
      input.setEncoding('utf8');
      input.on('data', (chunk: string) => events.input(chunk));
      input.on('end', () => events.end());
      input.on('error', (error) => events.end(error));
      output.on('resize', () => events.resize());
      output.on('error', (error) => events.end(error));
      for (const signal of SIGNALS) {
        const listener = () => {
          caught = signal;
          events.end();
        };
        process.on(signal, listener);
        listeners.push([signal, listener]);
      }
    },
    close: () => {
      for (const [signal, listener] of listeners) process.off(signal, listener);
      input.destroy();
      output.destroy();
    },
  };
  try {
    return await runPicker(terminal, rows, preselect);
  } catch (error) {
    if (caught) dieOf(caught);
    throw error instanceof AwsenvError ? error : new AwsenvError('interaction', `the profile picker failed: ${(error as Error).message}`, { cause: error });
  }
}
