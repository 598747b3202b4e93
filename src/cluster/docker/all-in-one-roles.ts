/** Where the all-in-one supervisor writes each role's pid (`minimesos-restart <role>` reads it). */
export const ALL_IN_ONE_PID_DIR = "/run/minimesos";

export interface AllInOneRole {
  name: "master" | "agent" | "marathon";
  args: string[];
}

/**
 * mesos-mini's three services with its settings: everything advertises localhost, so clients on the host
 * reach them through the published ports 5050, 5051 and 8080.
 */
export function allInOneRoles(env: NodeJS.ProcessEnv = process.env): AllInOneRole[] {
  const resources = env.MINIMESOS_AGENT_RESOURCES ?? "cpus:4;mem:4096;disk:10240;ports:[31000-32000]";
  return [
    {
      name: "master",
      args: [
        "--ip=0.0.0.0",
        "--port=5050",
        "--hostname=localhost",
        "--work_dir=/var/lib/minimesos/master",
        "--cluster=mesos-mini",
      ],
    },
    {
      name: "agent",
      args: [
        "--ip=0.0.0.0",
        "--port=5051",
        "--hostname=localhost",
        "--master=127.0.0.1:5050",
        "--work_dir=/var/lib/minimesos/agent",
        `--resources=${resources}`,
      ],
    },
    {
      name: "marathon",
      args: [
        "--master=127.0.0.1:5050",
        "--http_address=0.0.0.0",
        "--http_port=8080",
        "--hostname=localhost",
        "--storage=/var/lib/minimesos/marathon",
      ],
    },
  ];
}
