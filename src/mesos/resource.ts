import type { ID } from "./ids.js";
import type { Labels } from "./labels.js";
import type { Range } from "./ranges.js";

export type ValueType = "SCALAR" | "RANGES" | "SET" | "TEXT";

export interface ReservationInfo {
  type?: "STATIC" | "DYNAMIC";
  role?: string;
  principal?: string;
  labels?: Labels;
}

/** Resource as it travels in v1 JSON. */
export interface Resource {
  name: string;
  type: ValueType;
  scalar?: { value: number };
  ranges?: { range: Range[] };
  set?: { item: string[] };
  role?: string;
  reservation?: ReservationInfo;
  reservations?: ReservationInfo[];
  allocation_info?: { role: string };
  disk?: Record<string, unknown>;
  revocable?: Record<string, never>;
  shared?: Record<string, never>;
  provider_id?: ID;
}

/** The role a resource is reserved for, `*` when unreserved. */
export function reservationRole(r: Resource): string {
  const refined = r.reservations?.[r.reservations.length - 1]?.role;
  return refined ?? r.role ?? "*";
}
