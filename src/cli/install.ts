import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { substituteTokens, tokenValues } from "../cluster/exports.js";
import { deploy, MarathonRejected, type MarathonKind } from "../cluster/marathon-api.js";
import { readMarathonDefinition } from "../cluster/marathon-definition.js";
import { installJob } from "./chronos-jobs.js";
import { runningCluster } from "./cluster-access.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { marathonUrl } from "./marathon-access.js";

interface InstallOptions {
  app?: string;
  group?: string;
  marathonFile?: string;
  stdin?: boolean;
  update?: boolean;
  job?: string;
  dependency?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function what(options: InstallOptions): { kind: MarathonKind; source?: string } {
  const app = options.app ?? options.marathonFile;
  if (app !== undefined && options.group !== undefined)
    throw new CliError("Give either --app or --group, not both", ExitCode.usage);
  if (app !== undefined) return { kind: "app", source: app };
  if (options.group !== undefined) return { kind: "group", source: options.group };
  if (options.stdin) return { kind: "app" };
  throw new CliError(
    "Please specify --app, --group or --stdin to install an app or group",
    ExitCode.usage,
    "For example: minimesos install --app app.json",
  );
}

export function registerInstallCommand(program: Command): void {
  program
    .command("install")
    .description("deploy a Marathon app or group from a file, a URL or stdin, or post a Chronos job")
    .option("--app <file or URL>", "Marathon app definition (JSON)")
    .option("--group <file or URL>", "Marathon group definition (JSON)")
    .option("--marathonFile <file or URL>", "deprecated name of --app")
    .option("--stdin", "read the definition from standard input (an app unless --group is given as '-')")
    .option("--update", "replace the app or group of the same id (PUT with force=true)")
    .option("--job <file or URL>", "Chronos scheduled job (JSON, posted to /v1/scheduler/iso8601)")
    .option("--dependency <file or URL>", "Chronos dependent job (JSON, posted to /v1/scheduler/dependency)")
    .action(async (options: InstallOptions) => {
      if (options.job !== undefined || options.dependency !== undefined) {
        if (options.job !== undefined && options.dependency !== undefined)
          throw new CliError("Give either --job or --dependency, not both", ExitCode.usage);
        const kind = options.job !== undefined ? "scheduled" : "dependent";
        return installJob(await runningCluster(), kind, (options.job ?? options.dependency) as string);
      }
      const { kind, source } = what(options);
      const record = await runningCluster();
      const marathon = marathonUrl(record);
      const text =
        source === undefined || source === "-"
          ? await readStdin()
          : /^https?:\/\//i.test(source)
            ? await readMarathonDefinition(source, process.cwd())
            : await readFile(source, "utf8").catch((error: NodeJS.ErrnoException) => {
                throw new CliError(`Cannot read ${source}: ${error.code ?? error.message}`, ExitCode.usage);
              });
      const json = substituteTokens(text, tokenValues(record, process.cwd()));
      try {
        await deploy(marathon, kind, json, options.update ?? false);
      } catch (error) {
        if (error instanceof MarathonRejected)
          throw new CliError(`Marathon did not accept the ${kind}, error: ${error.body}`, ExitCode.failure);
        if (error instanceof SyntaxError)
          throw new CliError(`The ${kind} definition is not valid JSON: ${error.message}`, ExitCode.usage);
        throw error;
      }
    });
}
