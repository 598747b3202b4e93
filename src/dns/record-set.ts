import { isIPv6 } from "node:net";

export type RecordKind = "A" | "AAAA" | "SRV";

export interface EnumerableRecord {
  name: string;
  host: string;
  rtype: RecordKind;
}

export interface EnumerableTask {
  name: string;
  id: string;
  records: EnumerableRecord[];
}

export interface EnumerableFramework {
  name: string;
  tasks: EnumerableTask[];
}

type Records = Map<string, Set<string>>;

function add(records: Records, name: string, value: string): boolean {
  if (value === "") return false;
  const values = records.get(name);
  if (!values) {
    records.set(name, new Set([value]));
    return true;
  }
  if (values.has(value)) return false;
  values.add(value);
  return true;
}

/**
 * The records of one generation, keyed by fully qualified lower-case name (with the trailing dot): A and
 * AAAA values are IPs, SRV values `target:port`. Each value appears once per name.
 */
export class RecordSet {
  readonly a: Records = new Map();
  readonly aaaa: Records = new Map();
  readonly srv: Records = new Map();
  readonly frameworks: EnumerableFramework[] = [];
  /** Each running task's records by what they depend on, for the next generation to reuse. */
  readonly taskCache = new Map<string, EnumerableRecord[]>();

  insert(name: string, value: string, kind: RecordKind): boolean {
    return add(kind === "A" ? this.a : kind === "AAAA" ? this.aaaa : this.srv, name, value);
  }

  /** An A or AAAA record, by the form of the IP. */
  insertIp(name: string, ip: string): boolean {
    return this.insert(name, ip, isIPv6(ip) ? "AAAA" : "A");
  }

  values(kind: RecordKind, name: string): string[] {
    return [...((kind === "A" ? this.a : kind === "AAAA" ? this.aaaa : this.srv).get(name) ?? [])];
  }

  first(kind: "A" | "AAAA", name: string): string | undefined {
    for (const value of (kind === "A" ? this.a : this.aaaa).get(name) ?? []) return value;
    return undefined;
  }

  has(name: string): boolean {
    return this.a.has(name) || this.aaaa.has(name) || this.srv.has(name);
  }
}
