/** A minimal /v2/events reader: every server-sent event, parsed, with the time it arrived. */
export interface TimedEvent {
  at: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

export class EventStream {
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];
  readonly events: TimedEvent[] = [];

  private constructor() {}

  static async open(marathonUrl: string): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(`${marathonUrl}/v2/events`, {
      headers: { Accept: "text/event-stream" },
      signal: stream.controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`/v2/events answered ${response.status}`);
    void stream.read(response.body);
    await stream.waitFor((e) => e.eventType === "event_stream_attached", 5_000);
    return stream;
  }

  /** Resolves with the first event (from the start of the stream) matching `match`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async waitFor(match: (data: any) => boolean, timeoutMs: number, from = 0): Promise<TimedEvent> {
    const deadline = performance.now() + timeoutMs;
    for (let seen = from; ;) {
      for (; seen < this.events.length; seen++) {
        const event = this.events[seen] as TimedEvent;
        if (match(event.data)) return event;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error("timed out waiting for an event");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body) {
        const at = performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const line = frame.split("\n").find((l) => l.startsWith("data: "));
          if (line) this.events.push({ at, data: JSON.parse(line.slice(6)) });
        }
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  }
}
