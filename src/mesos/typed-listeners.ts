type Listener<P> = (payload: P) => void;

/**
 * A small typed event emitter: `M` maps each name to its payload. A listener that throws does not disturb the
 * others or the stream that fed it; its error goes to `onListenerError`.
 */
export class TypedListeners<M extends object> {
  private readonly byName = new Map<keyof M, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  /** Adds a listener; the returned function removes it. */
  on<K extends keyof M>(name: K, listener: Listener<M[K]>): () => void {
    let set = this.byName.get(name);
    if (!set) this.byName.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => this.off(name, listener);
  }

  once<K extends keyof M>(name: K, listener: Listener<M[K]>): () => void {
    const off = this.on(name, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  off<K extends keyof M>(name: K, listener: Listener<M[K]>): void {
    this.byName.get(name)?.delete(listener as Listener<never>);
  }

  listenerCount(name: keyof M): number {
    return this.byName.get(name)?.size ?? 0;
  }

  emit<K extends keyof M>(name: K, payload: M[K]): void {
    const set = this.byName.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<M[K]>)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  clear(): void {
    this.byName.clear();
  }
}
