/**
 * Coalesces events into allocation runs: the first event arms one timer `delayMs` ahead, later events
 * inside that window ride along. There is no periodic tick.
 */
export class AllocationBatcher {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.cancel();
    this.closed = true;
  }
}
