/** The tables whose changes blocking queries wait for. */
export type Table = "nodes" | "services" | "checks" | "kvs" | "sessions";

/**
 * The Raft index of a one-server Consul: every write takes the next index, and each table remembers the
 * index of its last write. Blocking queries wait here for the next write.
 */
export class ChangeFeed {
  private current = 0;
  private readonly tableIndex: Record<Table, number> = {
    nodes: 0,
    services: 0,
    checks: 0,
    kvs: 0,
    sessions: 0,
  };
  private waiters: Array<() => void> = [];
  private isClosed = false;
  private readonly listeners: Array<(table: Table) => void> = [];

  get index(): number {
    return this.current;
  }

  /** The index of the table's last write (0 before any). */
  indexOf(table: Table): number {
    return this.tableIndex[table];
  }

  /** Takes the next index for a write to the given tables; call `commit` once the write is done. */
  next(): number {
    this.current += 1;
    return this.current;
  }

  /** Marks the tables written at `index` and wakes every waiting query. */
  commit(index: number, ...tables: Table[]): void {
    for (const table of tables) this.tableIndex[table] = Math.max(this.tableIndex[table], index);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    for (const table of tables) for (const listener of this.listeners) listener(table);
  }

  /** Restores the indexes saved with the data (never moves them back). */
  restore(index: number, tables: Partial<Record<Table, number>>): void {
    this.current = Math.max(this.current, index);
    for (const [table, value] of Object.entries(tables) as Array<[Table, number]>)
      this.tableIndex[table] = Math.max(this.tableIndex[table], value);
  }

  /** True once the server stopped: blocking queries answer at once. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Wakes every waiting query for good (the server is stopping). */
  close(): void {
    this.isClosed = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next write, or after `ms` (false then), or at once when closed. */
  waitForChange(ms: number): Promise<boolean> {
    if (this.isClosed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, ms);
      this.waiters.push(wake);
    });
  }

  /** Called after every write with the table written (persistence, the check runner). */
  onChange(listener: (table: Table) => void): void {
    this.listeners.push(listener);
  }
}
