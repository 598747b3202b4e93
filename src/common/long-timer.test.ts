import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { LongTimer } from "./long-timer.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("waits longer than setTimeout's limit, in steps, and can be cancelled", () => {
  const fired: number[] = [];
  const days40 = 40 * 24 * 3_600_000;
  new LongTimer(days40, () => fired.push(Date.now()));
  const cancelled = new LongTimer(days40, () => fired.push(-1));
  const start = Date.now();
  vi.advanceTimersByTime(2 ** 31);
  cancelled.cancel();
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(days40);
  expect(fired).toEqual([start + days40]);
  expect(vi.getTimerCount()).toBe(0);
});
