import type { OptionalRole } from "../spec/index.js";
import { MinimesosFileError, type SourcePosition } from "./errors.js";
import { retiredNotice, type RetiredProperty } from "./retired-properties.js";

/** A role the file configures that this version cannot run yet; its settings are still kept in the spec. */
export interface UnavailableRole {
  role: OptionalRole;
  line: number;
}

/** What the mapping collects besides the spec: notices, retired properties and unavailable roles. */
export class MappingContext {
  readonly notices: string[] = [];
  readonly unavailable: UnavailableRole[] = [];
  private readonly retired = new Map<RetiredProperty, number[]>();

  constructor(readonly source: string) {}

  fail(pos: SourcePosition, reason: string): never {
    throw new MinimesosFileError(this.source, pos, reason);
  }

  notice(line: number, text: string): void {
    this.notices.push(`${this.source}:${line}: ${text}`);
  }

  retire(name: RetiredProperty, line: number): void {
    this.retired.set(name, [...(this.retired.get(name) ?? []), line]);
  }

  /** All notices: retired properties first (one line per property name), then the others in file order. */
  allNotices(): string[] {
    const retired = [...this.retired].map(([name, lines]) => retiredNotice(this.source, name, lines));
    return [...retired, ...this.notices];
  }
}
