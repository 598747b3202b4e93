import { parseGoDuration } from "../go-duration.js";
import { HttpError } from "../agent/http-errors.js";

export const DEFAULT_WAIT_MS = 5 * 60_000;
export const MAX_WAIT_MS = 10 * 60_000;

export type Query = Record<string, string | undefined>;

export interface BlockingOptions {
  /** The index the client already has (0: answer at once). */
  index: number;
  waitMs: number;
}

/** `?index=&wait=` as Consul reads them: a bad index or wait is a 400, wait is capped at 10 minutes. */
export function blockingOptions(query: Query): BlockingOptions {
  let index = 0;
  if (query.index !== undefined && query.index !== "") {
    if (!/^\d+$/.test(query.index)) throw new HttpError(400, "Invalid index");
    index = Number(query.index);
  }
  let waitMs = DEFAULT_WAIT_MS;
  if (query.wait !== undefined && query.wait !== "") {
    try {
      waitMs = parseGoDuration(query.wait);
    } catch {
      throw new HttpError(400, "Invalid wait time");
    }
  }
  waitMs = Math.min(waitMs, MAX_WAIT_MS);
  // Consul adds up to wait/16 of jitter so that many watchers do not return together.
  return { index, waitMs: waitMs + Math.floor(Math.random() * (waitMs / 16)) };
}

/** A query flag such as `?passing` or `?recurse`: present, with or without a value (`?passing=false` is off). */
export function flag(query: Query, name: string): boolean {
  if (!Object.hasOwn(query, name)) return false;
  const v = query[name];
  return v === undefined || v === "" || !/^(false|0)$/i.test(v);
}
