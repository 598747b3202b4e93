interface Entry<T> {
  item: T;
  share: number;
  name: string;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean =>
  a.share < b.share || (a.share === b.share && a.name < b.name);

/**
 * Items in DRF order: lowest share first, ties to the lower name so runs are deterministic. When one
 * item's share changes (it was just allocated something), it is moved into place instead of re-sorting.
 */
export class ShareQueue<T> {
  private readonly entries: Entry<T>[];

  constructor(items: readonly T[], shareOf: (item: T) => number, nameOf: (item: T) => string) {
    this.entries = items
      .map((item) => ({ item, share: shareOf(item), name: nameOf(item) }))
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /** The first item, in order, that `accept` takes. */
  find(accept: (item: T) => boolean): T | undefined {
    for (const entry of this.entries) if (accept(entry.item)) return entry.item;
    return undefined;
  }

  items(): T[] {
    return this.entries.map((e) => e.item);
  }

  update(item: T, share: number): void {
    const list = this.entries;
    let i = list.findIndex((e) => e.item === item);
    const entry = list[i];
    if (!entry) return;
    entry.share = share;
    while (i + 1 < list.length && before(list[i + 1] as Entry<T>, entry)) {
      list[i] = list[i + 1] as Entry<T>;
      list[++i] = entry;
    }
    while (i > 0 && before(entry, list[i - 1] as Entry<T>)) {
      list[i] = list[i - 1] as Entry<T>;
      list[--i] = entry;
    }
  }
}
