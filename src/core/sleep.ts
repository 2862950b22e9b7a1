/** Waits ms milliseconds; a plain timer rather than node:timers/promises, which would cost start-up time to load. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
