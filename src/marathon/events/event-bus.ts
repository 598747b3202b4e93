import { isoTime } from "../model/timestamp.js";

export interface MarathonEvent extends Record<string, unknown> {
  eventType: string;
  timestamp: string;
}

type Listener = (event: MarathonEvent) => void;

/** Marathon's internal event stream: every event gets its `eventType` and `timestamp`. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(eventType: string, fields: Record<string, unknown> = {}): void {
    const event: MarathonEvent = { ...fields, eventType, timestamp: isoTime() };
    for (const listener of [...this.listeners]) listener(event);
  }
}
