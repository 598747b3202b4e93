import type { MarathonEvent } from "./event-bus.js";

/** One server-sent event: `event: <type>`, `data: <one-line JSON>`, blank line. */
export const sseFrame = (event: MarathonEvent): string =>
  `event: ${event.eventType}\ndata: ${JSON.stringify(event)}\n\n`;

/** Whether an event passes the `event_type=` filter (no filter passes all). */
export const passesFilter = (event: MarathonEvent, types: readonly string[]): boolean =>
  types.length === 0 || types.includes(event.eventType);
