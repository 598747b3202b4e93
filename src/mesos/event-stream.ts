import type { Readable } from "node:stream";
import { RecordIODecoder } from "../common/recordio.js";

export interface EventStreamHandlers<E> {
  onEvent(event: E): void;
  /** Called once: the stream ended (cleanly or not) or a record could not be decoded. */
  onEnd(error: Error): void;
}

/**
 * Reads a Mesos event stream: RecordIO records, each one JSON event, split across chunks in any way.
 * Returns a function that stops reading without calling `onEnd`.
 */
export function readEventStream<E>(source: Readable, handlers: EventStreamHandlers<E>): () => void {
  const decoder = new RecordIODecoder();
  let finished = false;
  const finish = (error: Error): void => {
    if (finished) return;
    finished = true;
    handlers.onEnd(error);
  };
  source.on("data", (chunk: Buffer) => {
    if (finished) return;
    let records: Buffer[];
    let events: E[];
    try {
      records = decoder.push(chunk);
      events = records.map((record) => JSON.parse(record.toString("utf8")) as E);
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
      source.destroy();
      return;
    }
    for (const event of events) {
      if (finished) return;
      handlers.onEvent(event);
    }
  });
  source.on("end", () => finish(new Error("The event stream ended")));
  source.on("error", (error) => finish(error));
  source.on("close", () => finish(new Error("The event stream was closed")));
  return () => {
    finished = true;
    source.destroy();
  };
}
