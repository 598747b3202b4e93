import { CappedList } from "./capped-list.js";
import type { FrameworkRecord } from "./framework-record.js";

/** Active (registered) frameworks, completed ones (capped), and every id that was removed. */
export class FrameworkRegistry {
  private readonly active = new Map<string, FrameworkRecord>();
  readonly completed: CappedList<FrameworkRecord>;
  private readonly removedIds = new Set<string>();

  constructor(maxCompleted: number) {
    this.completed = new CappedList(maxCompleted);
  }

  add(framework: FrameworkRecord): void {
    this.active.set(framework.id, framework);
  }

  get(id: string): FrameworkRecord | undefined {
    return this.active.get(id);
  }

  all(): FrameworkRecord[] {
    return [...this.active.values()];
  }

  wasRemoved(id: string): boolean {
    return this.removedIds.has(id);
  }

  /** Moves a framework to the completed list; its id can never subscribe again. */
  complete(framework: FrameworkRecord): void {
    this.active.delete(framework.id);
    this.removedIds.add(framework.id);
    this.completed.push(framework);
  }
}
