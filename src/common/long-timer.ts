/** setTimeout fires at once (with a warning) for delays above this; refuse filters may last a year. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A one-shot timer that may be longer than setTimeout allows, by waiting in steps. */
export class LongTimer {
  private handle: NodeJS.Timeout | undefined;
  private cancelled = false;

  constructor(delayMs: number, onFire: () => void) {
    this.wait(delayMs, onFire);
  }

  cancel(): void {
    this.cancelled = true;
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }

  private wait(remainingMs: number, onFire: () => void): void {
    if (this.cancelled) return;
    const step = Math.min(Math.max(0, remainingMs), MAX_TIMEOUT_MS);
    this.handle = setTimeout(() => {
      this.handle = undefined;
      if (remainingMs > step) this.wait(remainingMs - step, onFire);
      else onFire();
    }, step);
  }
}
