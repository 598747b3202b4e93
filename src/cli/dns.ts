import type { Command } from "commander";
import { lookup } from "../common/dns/client.js";
import type { ClusterRecord } from "../cluster/state-dir.js";
import { runningClusterOrNotice } from "./cluster-access.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { formatJson } from "./output.js";

const TYPES = ["A", "AAAA", "SRV", "SOA", "NS", "ANY"] as const;
type QueryType = (typeof TYPES)[number];

function dnsServer(record: ClusterRecord): { host: string; port: number } {
  const role = record.roles.find((r) => r.role === "dns");
  if (!role)
    throw new CliError(
      "The cluster has no Mesos-DNS",
      ExitCode.failure,
      "Add 'mesosdns { }' to the minimesosFile and run 'minimesos up' again.",
    );
  return { host: new URL(role.url).hostname, port: Number(role.flags.port) };
}

/** One answer as dig +short prints it. */
function shortForm(answer: { type: string; data?: unknown }): string {
  const data = answer.data as Record<string, unknown> | string;
  if (typeof data === "string") return data;
  if (answer.type === "SRV") return `${data.priority} ${data.weight} ${data.port} ${data.target}.`;
  if (answer.type === "SOA")
    return `${data.mname}. ${data.rname}. ${data.serial} ${data.refresh} ${data.retry} ${data.expire} ${data.minimum}`;
  return JSON.stringify(data);
}

/** `minimesos dns <name> [type]`: asks the cluster's Mesos-DNS, like `dig +short @<dns> <name> <type>`. */
export function registerDnsCommand(program: Command): void {
  program
    .command("dns")
    .description("look a name up in the cluster's Mesos-DNS (leader.mesos, <app>.marathon.mesos, ...)")
    .argument("<name>", "the name, e.g. master.mesos or _web._tcp.marathon.mesos")
    .argument("[type]", `record type: ${TYPES.join(", ")}`, "A")
    .option("--json", "print the whole answer as JSON")
    .action(async (name: string, type: string, options: { json?: boolean }) => {
      const upper = type.toUpperCase() as QueryType;
      if (!TYPES.includes(upper))
        throw new CliError(
          `Unknown record type '${type}'`,
          ExitCode.usage,
          `Use one of ${TYPES.join(", ")}.`,
        );
      const record = await runningClusterOrNotice();
      if (!record) return;
      const answer = await lookup(dnsServer(record), name, upper as "A");
      const rcode = (answer as { rcode?: string }).rcode ?? "NOERROR";
      if (options.json) {
        process.stdout.write(formatJson({ rcode, answers: answer.answers ?? [] }));
        return;
      }
      for (const a of answer.answers ?? []) process.stdout.write(`${shortForm(a)}\n`);
      if (rcode !== "NOERROR") {
        process.stderr.write(`${name}: ${rcode}\n`);
        process.exitCode = ExitCode.failure;
      }
    });
}
