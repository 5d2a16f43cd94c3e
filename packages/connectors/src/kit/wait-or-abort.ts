/**
 * Waits `ms`, or less if `signal` aborts first — how streams pause between reconnections without
 * holding up a shutdown.
 *
 * @example
 * await waitOrAbort(Math.min(60_000, 1_000 * 2 ** failures), ctx.signal);
 */
export function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
