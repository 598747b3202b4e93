import type { AppDefinition } from "../model/app-definition.js";
import { isUnder } from "../model/path-id.js";

/** Every app by id, with each stored version of it. */
export class AppRepository {
  private readonly current = new Map<string, AppDefinition>();
  private readonly history = new Map<string, Map<string, AppDefinition>>();

  get(id: string): AppDefinition | undefined {
    return this.current.get(id);
  }

  all(): AppDefinition[] {
    return [...this.current.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  under(group: string): AppDefinition[] {
    return this.all().filter((app) => isUnder(app.id, group));
  }

  put(app: AppDefinition): void {
    this.current.set(app.id, app);
    const versions = this.history.get(app.id) ?? new Map<string, AppDefinition>();
    versions.set(app.version, app);
    this.history.set(app.id, versions);
  }

  delete(id: string): void {
    this.current.delete(id);
    this.history.delete(id);
  }

  versions(id: string): string[] {
    return [...(this.history.get(id)?.keys() ?? [])].sort().reverse();
  }

  version(id: string, version: string): AppDefinition | undefined {
    return this.history.get(id)?.get(version);
  }

  /** Every group id that holds an app (and their ancestors). */
  groupIds(): string[] {
    const groups = new Set<string>(["/"]);
    for (const app of this.current.values()) {
      const parts = app.id.split("/").filter(Boolean);
      for (let i = 1; i < parts.length; i++) groups.add("/" + parts.slice(0, i).join("/"));
    }
    return [...groups].sort();
  }

  /** Every stored app and version, for persistence. */
  snapshot(): { apps: AppDefinition[]; versions: AppDefinition[] } {
    return {
      apps: this.all(),
      versions: [...this.history.values()].flatMap((m) => [...m.values()]),
    };
  }

  restore(snapshot: { apps: AppDefinition[]; versions: AppDefinition[] }): void {
    for (const v of snapshot.versions) {
      const versions = this.history.get(v.id) ?? new Map<string, AppDefinition>();
      versions.set(v.version, v);
      this.history.set(v.id, versions);
    }
    for (const app of snapshot.apps) this.current.set(app.id, app);
  }
}
