import type { RecordIOStream } from "../../common/http-server.js";

export interface OperatorEvent {
  type: string;
  [payload: string]: unknown;
}

interface Subscriber {
  stream: RecordIOStream;
  heartbeat: NodeJS.Timeout;
}

/** The operator API SUBSCRIBE streams. Events are built lazily, only when someone listens. */
export class OperatorEventHub {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly heartbeatIntervalMs: number) {}

  add(stream: RecordIOStream): void {
    const subscriber: Subscriber = {
      stream,
      heartbeat: setInterval(() => stream.send({ type: "HEARTBEAT" }), this.heartbeatIntervalMs),
    };
    this.subscribers.add(subscriber);
    stream.onClose(() => {
      clearInterval(subscriber.heartbeat);
      this.subscribers.delete(subscriber);
    });
  }

  emit(build: () => OperatorEvent): void {
    if (this.subscribers.size === 0) return;
    const event = build();
    for (const s of this.subscribers) s.stream.send(event);
  }

  get count(): number {
    return this.subscribers.size;
  }

  closeAll(): void {
    for (const s of [...this.subscribers]) s.stream.close();
  }
}
