import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { lastState } from "../core/job-state.js";
import { PREFIXES, sendText } from "./replies.js";

/** The dependency graph in Graphviz dot, as JGraphT's DOT exporter writes it (vertex ids 1…n, name labels). */
export function dotGraph(core: ChronosCore): string {
  const ids = new Map(core.graph.all().map((j, i) => [j.name, i + 1]));
  const lines = ["digraph G {"];
  for (const [name, id] of ids) lines.push(`  ${id} [ label="${name}" ];`);
  for (const [parent, child] of core.graph.links()) lines.push(`  ${ids.get(parent)} -> ${ids.get(child)};`);
  lines.push("}", "");
  return lines.join("\n");
}

/** `node,<name>,<lastState>,<currentState>` per job, then `link,<parent>,<child>` per edge. */
export function csvGraph(core: ChronosCore): string {
  const nodes = core.graph.all().map((j) => `node,${j.name},${lastState(j)},${core.currentState(j.name)}\n`);
  const links = core.graph.links().map(([p, c]) => `link,${p},${c}\n`);
  return [...nodes, ...links].join("");
}

export function registerGraphRoutes(http: FastifyInstance, core: ChronosCore): void {
  for (const { prefix } of PREFIXES) {
    http.get(`${prefix}/graph/dot`, (_request, reply) => sendText(reply, dotGraph(core)));
    http.get(`${prefix}/graph/csv`, (_request, reply) => sendText(reply, csvGraph(core)));
  }
}
