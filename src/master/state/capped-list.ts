/** Keeps the newest `cap` items, dropping the oldest first (completed tasks and frameworks). */
export class CappedList<T> {
  private readonly items: T[] = [];

  constructor(private readonly cap: number) {}

  push(item: T): void {
    this.items.push(item);
    while (this.items.length > this.cap) this.items.shift();
  }

  remove(predicate: (item: T) => boolean): T | undefined {
    const index = this.items.findIndex(predicate);
    return index < 0 ? undefined : this.items.splice(index, 1)[0];
  }

  find(predicate: (item: T) => boolean): T | undefined {
    return this.items.find(predicate);
  }

  values(): readonly T[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }
}
