import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedRoutes, type ServedRoute } from "../src/common/http-server.js";
import { MesosCluster, type StartedMesosCluster } from "../src/testing/index.js";

// A bounded fuzz run over every route every role serves in this process: generated bad requests from a
// fixed seed. No request may crash a role or get a 5xx other than 501, every refusal says why, and the
// state stays readable.
const SEED = 20261204;
const REQUESTS = 3000;
const CONCURRENCY = 8;
const STREAM_WAIT_MS = 1500;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const TOKENS = [
  "x",
  "..",
  "%2e%2e",
  "a/b",
  "%00",
  "💥",
  "-1",
  "0",
  "1e400",
  "null",
  "[]",
  "a".repeat(300),
  "\ud800",
];
/** A token as a path segment: the lone surrogate as the invalid UTF-8 bytes a client could send. */
const segment = (token: string) => (token === "\ud800" ? "%ED%A0%80" : encodeURIComponent(token));
const FIELDS = [
  "type",
  "id",
  "name",
  "value",
  "framework_id",
  "agent_id",
  "task_id",
  "executor_id",
  "subscribe",
  "accept",
  "framework_info",
  "offer_ids",
  "operations",
  "launch",
  "task_infos",
  "resources",
  "cmd",
  "instances",
  "apps",
  "command",
  "schedule",
  "parents",
  "container",
  "env",
  "ports",
  "labels",
  "user",
  "Service",
  "Name",
  "Port",
  "ID",
  "Node",
  "Address",
  "Checks",
  "path",
  "offset",
  "length",
  "state",
  "status",
  "uuid",
  "version",
];
const TYPES = [
  "SUBSCRIBE",
  "ACCEPT",
  "DECLINE",
  "KILL",
  "RECONCILE",
  "GET_STATE",
  "GET_TASKS",
  "TEARDOWN",
  "MESSAGE",
  "UPDATE",
  "REGISTER",
  "STATUS_UPDATE",
  "LAUNCH",
  "MARK_AGENT_GONE",
  "GET_FLAGS",
  "READ_FILE",
  "NOPE",
];
const QUERY = [
  "path",
  "offset",
  "length",
  "jsonp",
  "embed",
  "force",
  "slave_id",
  "framework_id",
  "limit",
  "order",
  "recurse",
  "keys",
  "raw",
  "cas",
  "flags",
  "separator",
  "passing",
  "dc",
  "host",
  "scale",
  "wipe",
];

function value(depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.3)
    return pick([0, -1, 1.5, 1e300, "", "x", pick(TOKENS), true, false, null, pick(TYPES)]);
  if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 5); i > 0; i--) out[pick(FIELDS)] = value(depth + 1);
  if (random() < 0.5) out.type = pick(TYPES);
  return out;
}

function body(): { text?: string; type?: string } {
  const r = random();
  const type = pick([
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-protobuf",
    undefined,
  ]);
  if (r < 0.15) return {};
  if (r < 0.3) return { text: pick(["{", "nope", "[1,", '{"type":', "\u0000", "{}", "[]", "1e99999"]), type };
  if (r < 0.35) return { text: "[".repeat(5000), type };
  return { text: JSON.stringify(value(0)), type };
}

function request(route: ServedRoute): {
  url: string;
  method: string;
  body: { text?: string; type?: string };
} {
  const path = route.url
    .replace(/:[A-Za-z_]+/g, () => segment(pick(TOKENS)))
    .replace(/\*/g, () => pick(["x", "x/y", "", segment(pick(TOKENS))]));
  const params = new URLSearchParams();
  for (let i = Math.floor(random() * 3); i > 0; i--) params.append(pick(QUERY), pick(TOKENS));
  const query = params.size > 0 ? `?${params}` : "";
  const method = random() < 0.85 ? route.method : pick(["GET", "POST", "PUT", "DELETE", "PATCH"]);
  return {
    url: `${route.base}${path}${query}`,
    method,
    body: method === "GET" || method === "HEAD" ? {} : body(),
  };
}

/**
 * The 500s the real systems give for these inputs, kept on purpose: Marathon's unknown URI (reference §1.2),
 * Consul's unknown datacenter and unparsable numbers (its Go handlers return the error as a 500).
 */
const faithful500 = (status: number, text: string): boolean =>
  status === 500 &&
  (text === '{"message":"URI not found"}' ||
    text === "No path to datacenter" ||
    text.startsWith("strconv.Parse"));

interface Outcome {
  status: number;
  text: string;
}

async function send(url: string, method: string, b: { text?: string; type?: string }): Promise<Outcome> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method,
    signal: abort.signal,
    headers: b.type ? { "Content-Type": b.type } : {},
    ...(b.text !== undefined ? { body: b.text } : {}),
  });
  // Event streams stay open: what matters is their status and first bytes.
  const timer = setTimeout(() => abort.abort(), STREAM_WAIT_MS);
  try {
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: response.status, text: "(stream)" };
  } finally {
    clearTimeout(timer);
  }
}

let cluster: StartedMesosCluster;
beforeAll(async () => {
  cluster = await new MesosCluster({
    agents: [{}],
    marathon: {},
    chronos: {},
    mesosdns: {},
    consul: {},
    registrator: {},
  }).start();
}, 60_000);
afterAll(() => cluster?.stop());

describe("a fuzz run over every route of every role", () => {
  it(`answers ${REQUESTS} generated bad requests without a crash, a 5xx or a silent refusal`, async () => {
    const routes = servedRoutes().filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS");
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        next++;
        const { url, method, body: b } = request(pick(routes));
        let outcome: Outcome;
        try {
          outcome = await send(url, method, b);
        } catch (error) {
          problems.push(`${method} ${url}: no answer (${(error as Error).message})`);
          continue;
        }
        const { status, text } = outcome;
        if (status >= 500 && status !== 501 && !faithful500(status, text))
          problems.push(`${method} ${url} ${b.text?.slice(0, 80)}: ${status} ${text.slice(0, 200)}`);
        else if (status >= 400 && status !== 404 && status !== 405 && text.trim() === "")
          problems.push(`${method} ${url}: ${status} without a message`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(problems.slice(0, 20)).toEqual([]);
    const state = await fetch(`${cluster.masterUrl}/master/state`);
    expect(state.status).toBe(200);
    expect(((await state.json()) as { slaves: unknown[] }).slaves).toHaveLength(1);
  }, 120_000);
});
