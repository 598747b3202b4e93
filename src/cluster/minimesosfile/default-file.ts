import {
  DEFAULT_AGENT_SCALARS,
  DEFAULT_PORTS,
  DEFAULT_TIMEOUT_SECONDS,
  defaultAgentPortRange,
} from "../spec/index.js";

const resource = (block: string, value: number | string) => [
  `            ${block} {`,
  `                role = "*"`,
  `                value = ${JSON.stringify(value)}`,
  `            }`,
];

/** What `minimesos init` writes: today's defaults, explained. Reads back into the default spec. */
export function defaultMinimesosFile(): string {
  const { cpus, mem, disk } = DEFAULT_AGENT_SCALARS;
  const lines = [
    "// minimesosFile: the cluster `minimesos up` starts from this directory.",
    "// It is read, never run: `name = value` settings and `name { ... }` blocks only, with strings,",
    "// numbers, true/false and null. Lines starting with // are comments.",
    "minimesos {",
    "    // Left out, the cluster is named minimesos-<cluster id>.",
    '    // clusterName = "my-cluster"',
    "",
    "    // Seconds `up` waits for the master and every agent to be ready.",
    `    timeout = ${DEFAULT_TIMEOUT_SECONDS}`,
    "    // INFO, WARNING or ERROR.",
    '    loggingLevel = "INFO"',
    "    // true serves every role on all network interfaces instead of 127.0.0.1 only.",
    "    mapPortsToHost = false",
    "    // true keeps agent sandboxes under .minimesos/sandbox-<cluster id>/ after tasks end.",
    "    mapAgentSandboxVolume = false",
    "",
    "    master {",
    "        // Ports are preferences: when one is taken, a free one is chosen and printed.",
    `        // portNumber = ${DEFAULT_PORTS.master}`,
    "        // true requires frameworks to authenticate; aclJson holds Mesos ACLs as JSON text.",
    "        authenticate = false",
    "        aclJson = null",
    "    }",
    "",
    "    // One agent block per agent. Without portNumber, agents take 5051, 5052, ...",
    "    agent {",
    `        // portNumber = ${DEFAULT_PORTS.firstAgent}`,
    '        // Mesos attributes for placement constraints, e.g. "rack:r1;zone:a".',
    '        attributes = ""',
    "        resources {",
    '            // role "*" is for any framework; a block with another role reserves resources',
    "            // for that role beside these.",
    ...resource("cpu", cpus),
    ...resource("mem", mem),
    ...resource("disk", disk),
    "            // Each agent gets its own task port range (31000-31999, 32000-32999, ...) unless set:",
    `            // ports { role = "*"; value = "${defaultAgentPortRange(0, 1)}" }`,
    "        }",
    "    }",
    "",
    '    // Not yet available in this version, and accepted for later: marathon { app { marathonJson = "<file,',
    '    // URL or inline JSON>" } }, chronos { }, mesosdns { }, consul { }, registrator { }, zookeeper { }.',
    "}",
  ];
  return `${lines.join("\n")}\n`;
}
