/** A waiter of the test library ran out of time; the message says what it waited for and what it saw last. */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
}

export interface WaitOptions {
  /** How long to wait before failing with WaitTimeoutError; default 10 000 ms. */
  timeoutMs?: number;
  /** Pause between two looks; default 10 ms. */
  intervalMs?: number;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

/** What one look found: the awaited value, a note on what was seen instead, or a reason to stop at once. */
export type Observation<T> = { value: T } | { seen: string } | { fail: string };

/**
 * Looks with `observe` until it yields a value. A look that throws (the role is not answering yet) counts
 * as "not yet"; `{ fail }` ends the wait at once. The timeout error quotes the last observation.
 */
export async function waitUntil<T>(
  what: string,
  observe: () => Promise<Observation<T>>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  let last = "nothing yet";
  for (;;) {
    try {
      const found = await observe();
      if ("value" in found) return found.value;
      if ("fail" in found) throw new WaitTimeoutError(`Gave up waiting for ${what}: ${found.fail}`);
      last = found.seen;
    } catch (error) {
      if (error instanceof WaitTimeoutError) throw error;
      last = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline)
      throw new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${last}`);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))),
    );
  }
}
