const cell = new Int32Array(new SharedArrayBuffer(4));

/** Waits without returning to the event loop: for a descriptor that said EAGAIN, in code that must stay synchronous. */
export function sleepSync(ms: number): void {
  Atomics.wait(cell, 0, 0, ms);
}
