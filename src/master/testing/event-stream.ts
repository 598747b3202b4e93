import { RecordIODecoder } from "../../common/recordio.js";

export interface StreamEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * A RecordIO JSON stream read over real HTTP (test support): events are buffered, and `next` waits for the
 * next one matching a predicate, with a timeout.
 */
export class EventStream {
  readonly events: StreamEvent[] = [];
  private cursor = 0;
  private waiters: Array<() => void> = [];
  ended = false;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, body: unknown, headers: Record<string, string> = {}): Promise<EventStream> {
    const abort = new AbortController();
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    const stream = new EventStream(response.status, response.headers, abort);
    void stream.pump(response);
    return stream;
  }

  private async pump(response: Response): Promise<void> {
    const decoder = new RecordIODecoder();
    try {
      for await (const chunk of response.body ?? []) {
        for (const record of decoder.push(chunk as Uint8Array)) {
          this.events.push(JSON.parse(record.toString("utf8")) as StreamEvent);
          this.wake();
        }
      }
    } catch {
      // aborted by close()
    }
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** The next event (after those already taken) that matches; skipped events stay readable in `events`. */
  async next(
    match: string | ((e: StreamEvent) => boolean) = () => true,
    timeoutMs = 5000,
  ): Promise<StreamEvent> {
    const predicate = typeof match === "string" ? (e: StreamEvent) => e.type === match : match;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.events.length) {
        const event = this.events[this.cursor++]!;
        if (predicate(event)) return event;
      }
      if (this.ended) throw new Error("stream ended while waiting for an event");
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms; saw ${this.events.map((e) => e.type).join(",")}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server ends the stream. */
  async waitEnd(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error("stream did not end");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.abort.abort();
  }
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}
