import type { CommandInfo } from "../../../mesos/command.js";

/**
 * Entrypoint and arguments of a Docker task, as Mesos builds `docker run`:
 * - a shell command (`shell` true, the default) runs as `--entrypoint /bin/sh` with `-c <value>`;
 * - `shell: false` keeps the image's entrypoint and passes `value` (if set) then `arguments`;
 * - without a value or arguments the image's own CMD runs.
 */
export function entrypointAndCmd(command: CommandInfo | undefined): {
  Entrypoint?: string[];
  Cmd?: string[];
} {
  if (!command) return {};
  if (command.shell !== false)
    return command.value ? { Entrypoint: ["/bin/sh"], Cmd: ["-c", command.value] } : {};
  const args = [...(command.value ? [command.value] : []), ...(command.arguments ?? [])];
  return args.length > 0 ? { Cmd: args } : {};
}
