import { AsyncEventQueue } from "./event-queue.js";
import { TypedListeners } from "./typed-listeners.js";

/** The notices both clients emit besides the wire events. */
export interface HubNotices<E> {
  event: E;
  clientError: Error;
}

/**
 * Fans a client's events out to typed listeners (by wire type and as `event`) and to `events()` iterators.
 * Listener exceptions and background failures go to `clientError` listeners, or become a process warning.
 */
export class ClientEventHub<M extends HubNotices<E>, E extends { type: string }> {
  private readonly listeners = new TypedListeners<M>((error) => this.reportError(error));
  private readonly queues = new Set<AsyncEventQueue<E>>();
  private ended = false;
  private reporting = false;

  on<K extends keyof M>(name: K, listener: (payload: M[K]) => void): () => void {
    return this.listeners.on(name, listener);
  }

  once<K extends keyof M>(name: K, listener: (payload: M[K]) => void): () => void {
    return this.listeners.once(name, listener);
  }

  off<K extends keyof M>(name: K, listener: (payload: M[K]) => void): void {
    this.listeners.off(name, listener);
  }

  emit<K extends keyof M>(name: K, payload: M[K]): void {
    this.listeners.emit(name, payload);
  }

  /** Delivers a wire event: to listeners of its type, then to `event` listeners, then to the iterators. */
  dispatch(event: E): void {
    this.listeners.emit(event.type as keyof M, event as never);
    this.listeners.emit("event", event as M["event"]);
    for (const queue of this.queues) queue.push(event);
  }

  events(): AsyncIterableIterator<E> {
    const queue: AsyncEventQueue<E> = new AsyncEventQueue(() => this.queues.delete(queue));
    if (this.ended) queue.end();
    else this.queues.add(queue);
    return queue;
  }

  /** Finishes every iterator (after the events they buffered). */
  end(): void {
    this.ended = true;
    for (const queue of this.queues) queue.end();
    this.queues.clear();
  }

  reportError(error: unknown): void {
    const asError = error instanceof Error ? error : new Error(String(error));
    if (this.reporting || this.listeners.listenerCount("clientError") === 0)
      return void process.emitWarning(asError);
    this.reporting = true;
    try {
      this.listeners.emit("clientError", asError as M["clientError"]);
    } finally {
      this.reporting = false;
    }
  }
}
