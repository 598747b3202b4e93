/** The health states of a Consul check. */
export type CheckStatus = "passing" | "warning" | "critical";

export const CHECK_STATUSES: readonly CheckStatus[] = ["passing", "warning", "critical"];

export const isCheckStatus = (s: string): s is CheckStatus =>
  (CHECK_STATUSES as readonly string[]).includes(s);

export interface NodeRecord {
  id: string;
  node: string;
  address: string;
  taggedAddresses: Record<string, string>;
  meta: Record<string, string>;
  createIndex: number;
  modifyIndex: number;
}

export interface ServiceRecord {
  node: string;
  id: string;
  service: string;
  tags: string[];
  address: string;
  port: number;
  meta: Record<string, string>;
  enableTagOverride: boolean;
  createIndex: number;
  modifyIndex: number;
}

/** How a check is run by the agent (absent for checks registered through the catalog, and for serfHealth). */
export interface CheckRun {
  http?: string;
  method?: string;
  header?: Record<string, string[]>;
  tcp?: string;
  script?: string;
  ttlMs?: number;
  intervalMs?: number;
  timeoutMs?: number;
  deregisterAfterMs?: number;
}

export interface CheckRecord {
  node: string;
  checkId: string;
  name: string;
  status: CheckStatus;
  notes: string;
  output: string;
  serviceId: string;
  serviceName: string;
  serviceTags: string[];
  /** `http`, `tcp`, `ttl`, `script` or '' (serfHealth and catalog checks). */
  type: string;
  run?: CheckRun;
  createIndex: number;
  modifyIndex: number;
}
