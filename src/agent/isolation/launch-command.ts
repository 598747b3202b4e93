import { existsSync } from "node:fs";
import type { CommandInfo } from "../../mesos/command.js";
import type { UserIdentity } from "./users.js";

/** What to spawn for a container's command. */
export interface LaunchPlan {
  file: string;
  args: string[];
  /** argv[0] of the spawned process, when it differs from `file`. */
  argv0?: string;
  /** Credentials for spawn itself (used where setpriv is missing; supplementary groups are then dropped). */
  uid?: number;
  gid?: number;
}

export interface LaunchTools {
  /** setpriv(1), which switches uid, gid and supplementary groups before exec. */
  setpriv?: string;
  /** bash, whose `exec -a` keeps the argv form's arguments[0] when a wrapper execs the command. */
  bash?: string;
}

/**
 * The gate: the container's first process waits on fd 3 until the agent has put it into its cgroups,
 * then becomes the command (same pid), so nothing the task starts can run outside them.
 */
export const GATE_SCRIPT = 'read -r go <&3 || exit 126; exec 3<&-; exec "$@"';

const firstExisting = (paths: string[]): string | undefined => paths.find((p) => existsSync(p));

/** The tools of this machine. */
export function findLaunchTools(): LaunchTools {
  const setpriv = firstExisting(["/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv"]);
  const bash = firstExisting(["/bin/bash", "/usr/bin/bash"]);
  return { ...(setpriv ? { setpriv } : {}), ...(bash ? { bash } : {}) };
}

/**
 * How to spawn `command`: as is, or behind the cgroup gate (`gated`) and/or switched to `user`. The shell
 * form runs `/bin/sh -c value`; the argv form runs `value` with `arguments[0]` as argv[0].
 */
export function launchPlan(
  command: CommandInfo,
  options: { gated: boolean; user?: UserIdentity; tools: LaunchTools },
): LaunchPlan {
  const { gated, user, tools } = options;
  const shell = command.shell !== false;
  const value = command.value ?? "";
  const argv = command.arguments ?? [];
  const argv0 = argv[0] ?? value;
  const viaSetpriv = user !== undefined && tools.setpriv !== undefined;
  const credentials = user && !viaSetpriv ? { uid: user.uid, gid: user.gid } : {};
  if (!gated && !viaSetpriv)
    return shell
      ? { file: "/bin/sh", args: ["-c", value], ...credentials }
      : { file: value, args: argv.slice(1), argv0, ...credentials };
  // A wrapper execs the command: the argv form needs `exec -a` to keep its argv[0].
  const target = shell
    ? ["/bin/sh", "-c", value]
    : argv0 !== value && tools.bash
      ? [tools.bash, "-c", 'exec -a "$0" "$@"', argv0, value, ...argv.slice(1)]
      : [value, ...argv.slice(1)];
  const switchUser =
    viaSetpriv && user
      ? [
          tools.setpriv as string,
          `--reuid=${user.uid}`,
          `--regid=${user.gid}`,
          user.groups.length > 0 ? `--groups=${user.groups.join(",")}` : "--clear-groups",
          "--",
        ]
      : [];
  const chain = [...switchUser, ...target];
  if (!gated) return { file: chain[0] as string, args: chain.slice(1), ...credentials };
  return { file: "/bin/sh", args: ["-c", GATE_SCRIPT, "mesos-containerizer", ...chain], ...credentials };
}
