import type { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Every command, loaded on demand: a command's module (and whatever it imports: the cluster spec, the
 * master, the agent, fastify, pino) is only loaded when that command runs, which keeps `minimesos run
 * <role>` and the read commands quick to start.
 */
export const COMMAND_LOADERS: Record<string, () => Promise<Register>> = {
  init: async () => (await import("./init.js")).registerInitCommand,
  up: async () => (await import("./up.js")).registerUpCommand,
  destroy: async () => (await import("./destroy.js")).registerDestroyCommand,
  prune: async () => (await import("./prune.js")).registerPruneCommand,
  info: async () => (await import("./info.js")).registerInfoCommand,
  state: async () => (await import("./state.js")).registerStateCommand,
  dns: async () => (await import("./dns.js")).registerDnsCommand,
  ps: async () => (await import("./ps.js")).registerPsCommand,
  logs: async () => (await import("./logs.js")).registerLogsCommand,
  status: async () => (await import("./status.js")).registerStatusCommand,
  version: async () => (await import("./version.js")).registerVersionCommand,
  install: async () => (await import("./install.js")).registerInstallCommand,
  uninstall: async () => (await import("./uninstall.js")).registerUninstallCommand,
  run: async () => (await import("./run.js")).registerRunCommand,
};

/** The command named on the command line (the first argument not an option), if it is one of ours. */
export function requestedCommand(args: readonly string[]): string | undefined {
  const first = args.find((a) => !a.startsWith("-"));
  return first !== undefined && Object.hasOwn(COMMAND_LOADERS, first) ? first : undefined;
}

/** Registers only the requested command; every command when none is named (help, --version, typos). */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const name = requestedCommand(args);
  const names = name ? [name] : Object.keys(COMMAND_LOADERS);
  const registers = await Promise.all(names.map((n) => (COMMAND_LOADERS[n] as () => Promise<Register>)()));
  for (const register of registers) register(program);
}
