let last = 0;

/** A fresh version timestamp in Marathon's form (ISO-8601 UTC with milliseconds), strictly increasing. */
export function newVersion(now = Date.now()): string {
  last = Math.max(now, last + 1);
  return new Date(last).toISOString();
}

export const isoTime = (ms = Date.now()): string => new Date(ms).toISOString();
