import { isDependent, type Job } from "../model/job.js";

const edge = (parent: string, child: string): string => `${parent}\u0000${child}`;

/**
 * Chronos's JobGraph: the jobs by name, the parent → child edges of dependent jobs, and a counter per edge
 * that decides when a child with several parents runs.
 */
export class JobGraph {
  private readonly jobs = new Map<string, Job>();
  private readonly invocations = new Map<string, number>();

  get(name: string): Job | undefined {
    return this.jobs.get(name);
  }

  all(): Job[] {
    return [...this.jobs.values()];
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Adds or replaces a job; a changed parent list starts its edges' counters afresh. */
  put(job: Job): void {
    const before = this.jobs.get(job.name)?.parents ?? [];
    const after = job.parents ?? [];
    for (const p of before) if (!after.includes(p)) this.invocations.delete(edge(p, job.name));
    for (const p of after) if (!before.includes(p)) this.invocations.set(edge(p, job.name), 0);
    this.jobs.set(job.name, job);
  }

  remove(name: string): Job | undefined {
    const job = this.jobs.get(name);
    if (!job) return undefined;
    for (const p of job.parents ?? []) this.invocations.delete(edge(p, name));
    this.jobs.delete(name);
    return job;
  }

  childrenOf(parent: string): Job[] {
    return this.all().filter((j) => isDependent(j) && j.parents.includes(parent));
  }

  /** The parent → child links, in job order. */
  links(): Array<[string, string]> {
    return this.all().flatMap((j) => (j.parents ?? []).map((p): [string, string] => [p, j.name]));
  }

  /** Whether giving `child` these parents would close a cycle (a parent that is the child or descends from it). */
  wouldCycle(child: string, parents: readonly string[]): boolean {
    const seen = new Set<string>();
    const stack = [child];
    while (stack.length > 0) {
      const name = stack.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const c of this.childrenOf(name)) if (c.name !== child || name !== child) stack.push(c.name);
    }
    return parents.some((p) => p === child || seen.has(p));
  }

  /**
   * The children to run now that `parent` completed: a child with one parent always; a child with several
   * when this edge's count, raised by one, equals the lowest count over all of its edges.
   */
  executableChildren(parent: string): Job[] {
    const ready: Job[] = [];
    for (const child of this.childrenOf(parent)) {
      const parents = child.parents ?? [];
      if (parents.length === 1) {
        ready.push(child);
        continue;
      }
      const key = edge(parent, child.name);
      const count = (this.invocations.get(key) ?? 0) + 1;
      this.invocations.set(key, count);
      const least = Math.min(...parents.map((p) => this.invocations.get(edge(p, child.name)) ?? 0));
      if (count === least) ready.push(child);
    }
    return ready;
  }

  /** Back to zero for every edge into `child` (when it starts, or is marked successful). */
  resetInvocations(child: string): void {
    for (const p of this.jobs.get(child)?.parents ?? []) this.invocations.set(edge(p, child), 0);
  }

  snapshotInvocations(): Record<string, number> {
    return Object.fromEntries(this.invocations);
  }

  restoreInvocations(counts: Record<string, number>): void {
    for (const [key, count] of Object.entries(counts)) this.invocations.set(key, count);
  }
}
