import { OPTIONAL_ROLES, RUNTIMES, type ClusterSpecInput, type RuntimeKind } from "../spec/index.js";
import { readAgentBlock } from "./agent-block.js";
import { noticeAgentPortProblems } from "./agent-notices.js";
import type { Block, MinimesosFileAst } from "./ast.js";
import { readBlock, type ChildBlockRule } from "./block-reader.js";
import { MappingContext, type UnavailableRole } from "./mapping-context.js";
import { booleanValue, loggingLevelValue, positiveValue, stringValue } from "./property-values.js";
import { optionalRoleReaders, readMasterBlock } from "./role-blocks.js";

export interface MinimesosFileResult {
  /** The cluster as the file describes it; pass it to devPreset/testPreset for the defaults. */
  spec: ClusterSpecInput;
  /** One line each: ignored Docker-era properties and other things the user should know. */
  notices: string[];
  /** Roles the file configures that this version cannot run yet (kept in `spec`). */
  unavailable: UnavailableRole[];
}

export interface ToSpecOptions {
  /** Roles this version can run; the other configured roles are reported in `unavailable`. */
  availableRoles?: readonly string[];
}

export const DEFAULT_AVAILABLE_ROLES: readonly string[] = [
  "master",
  "agent",
  "marathon",
  "chronos",
  "consul",
  "registrator",
  "mesosdns",
];

function readClusterBlock(block: Block, ctx: MappingContext, available: readonly string[]): ClusterSpecInput {
  const spec: ClusterSpecInput = {};
  const agentBlocks: Block[] = [];
  const blocks: Record<string, ChildBlockRule> = {
    master: { read: (b) => (spec.master = readMasterBlock(b, ctx)) },
    agent: {
      many: true,
      read: (b) => {
        agentBlocks.push(b);
        (spec.agents ??= []).push(readAgentBlock(b, ctx));
      },
    },
  };
  for (const role of OPTIONAL_ROLES)
    blocks[role] = {
      read: (b) => {
        optionalRoleReaders[role](b, ctx, spec);
        if (!available.includes(role)) ctx.unavailable.push({ role, line: b.pos.line });
      },
    };
  readBlock(
    block,
    {
      properties: {
        clusterName: (p) => (spec.clusterName = stringValue(ctx, p)),
        timeout: (p) => (spec.timeout = positiveValue(ctx, p)),
        loggingLevel: (p) => (spec.loggingLevel = loggingLevelValue(ctx, p) ?? "INFO"),
        mapAgentSandboxVolume: (p) => (spec.mapAgentSandboxVolume = booleanValue(ctx, p)),
        mapPortsToHost: (p) => (spec.mapPortsToHost = booleanValue(ctx, p)),
        runtime: (p) => {
          const runtime = stringValue(ctx, p);
          if (!(RUNTIMES as readonly string[]).includes(runtime))
            ctx.fail(p.value.pos, `'runtime' must be one of ${RUNTIMES.join(", ")}, got '${runtime}'`);
          spec.runtime = runtime as RuntimeKind;
        },
      },
      retired: ["mesosVersion", "exposePorts"],
      blocks,
    },
    ctx,
  );
  const registrator = block.blocks.find((b) => b.name === "registrator");
  if (registrator && !spec.consul)
    ctx.fail(registrator.pos, "registrator requires consul: add a 'consul { }' block to the minimesosFile");
  const placed = (spec.agents ?? []).map((agent, i) => ({ agent, line: agentBlocks[i]?.pos.line ?? 0 }));
  noticeAgentPortProblems(placed, ctx);
  if (placed.length === 0)
    ctx.notice(block.pos.line, "no 'agent' block: the cluster gets one agent with default resources");
  return spec;
}

/** Maps a parsed minimesosFile onto the cluster spec; throws MinimesosFileError with line and column. */
export function minimesosFileToSpec(ast: MinimesosFileAst, options: ToSpecOptions = {}): MinimesosFileResult {
  const ctx: MappingContext = new MappingContext(ast.source);
  const stray = ast.properties[0];
  if (stray) ctx.fail(stray.pos, `'${stray.name}' must be inside 'minimesos { ... }'`);
  const [cluster, second] = ast.blocks;
  if (!cluster) ctx.fail({ line: 1, column: 1 }, "expected a 'minimesos { ... }' block");
  if (cluster.name !== "minimesos")
    ctx.fail(cluster.pos, `expected 'minimesos { ... }', found block '${cluster.name}'`);
  if (second)
    ctx.fail(second.pos, `only one top-level 'minimesos { ... }' block is allowed, found '${second.name}'`);
  const spec = readClusterBlock(cluster, ctx, options.availableRoles ?? DEFAULT_AVAILABLE_ROLES);
  return { spec, notices: ctx.allNotices(), unavailable: ctx.unavailable };
}
