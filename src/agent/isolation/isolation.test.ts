import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { executorEnvironment } from "../environment.js";
import { AgentCgroups, agentCgroupName, clusterCgroupName } from "./agent-cgroups.js";
import { parseIsolation } from "./isolation-flag.js";
import { GATE_SCRIPT, launchPlan } from "./launch-command.js";
import { cpuShares, cpuWeight, formatBytes, memoryLimitBytes } from "./task-cgroup.js";
import { lookupUser } from "./users.js";

describe("--isolation", () => {
  it("turns cgroup limits on by Mesos's names and keeps the posix ones as measuring only", () => {
    expect(parseIsolation(undefined)).toEqual({ cgroupsCpu: false, cgroupsMem: false });
    expect(parseIsolation("posix/cpu,posix/mem")).toEqual({ cgroupsCpu: false, cgroupsMem: false });
    expect(parseIsolation("cgroups/cpu, cgroups/mem")).toEqual({ cgroupsCpu: true, cgroupsMem: true });
    expect(parseIsolation("filesystem/linux,docker/runtime,cgroups/mem")).toEqual({
      cgroupsCpu: false,
      cgroupsMem: true,
    });
    expect(() => parseIsolation("cgroups/cpu,bogus/thing")).toThrow(
      "Unknown or unsupported isolator 'bogus/thing'",
    );
  });
});

describe("cgroup values", () => {
  it("follows Mesos's floors and stout's byte formatting", () => {
    expect(cpuShares(0.5)).toBe(512);
    expect(cpuShares(0.001)).toBe(2);
    expect(cpuWeight(1024)).toBe(39);
    expect(cpuWeight(2)).toBe(1);
    expect(memoryLimitBytes(16)).toBe(32 * 1024 * 1024);
    expect(memoryLimitBytes(128)).toBe(128 * 1024 * 1024);
    expect(formatBytes(64 * 1024 * 1024)).toBe("64MB");
    expect(formatBytes(1536)).toBe("1536B");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2GB");
    expect(formatBytes(1000)).toBe("1000B");
  });

  it("names cgroups by cluster id and work dir", () => {
    expect(clusterCgroupName("12345")).toBe("minimesos-12345");
    expect(clusterCgroupName(undefined)).toBe("minimesos-standalone");
    expect(clusterCgroupName("../x")).toBe("minimesos-standalone");
    expect(agentCgroupName("/a/b")).toBe(agentCgroupName("/a/b/"));
    expect(agentCgroupName("/a/b")).not.toBe(agentCgroupName("/a/c"));
  });
});

describe("users", () => {
  it("reads uid, gid and supplementary groups from passwd and group files", () => {
    const dir = mkdtempSync(join(tmpdir(), "users-"));
    try {
      const passwd = join(dir, "passwd");
      const group = join(dir, "group");
      writeFileSync(passwd, "root:x:0:0:root:/root:/bin/sh\nalice:x:1001:1002::/home/alice:/bin/sh\n");
      writeFileSync(group, "alice:x:1002:\nwheel:x:10:root,alice\nother:x:20:bob\n");
      expect(lookupUser("alice", { passwd, group })).toEqual({
        name: "alice",
        uid: 1001,
        gid: 1002,
        groups: [1002, 10],
      });
      expect(lookupUser("1001", { passwd, group })?.name).toBe("alice");
      expect(lookupUser("mallory", { passwd, group })).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("launch plans", () => {
  const user = { name: "nobody", uid: 65534, gid: 65534, groups: [65534] };
  const tools = { setpriv: "/usr/bin/setpriv", bash: "/bin/bash" };

  it("spawns the command as is without a gate or a user", () => {
    expect(launchPlan({ value: "echo hi" }, { gated: false, tools })).toEqual({
      file: "/bin/sh",
      args: ["-c", "echo hi"],
    });
    expect(
      launchPlan({ shell: false, value: "/bin/echo", arguments: ["e", "x"] }, { gated: false, tools }),
    ).toEqual({
      file: "/bin/echo",
      args: ["x"],
      argv0: "e",
    });
  });

  it("puts the gate first, then setpriv, and keeps the argv form's argv[0] with exec -a", () => {
    const plan = launchPlan(
      { shell: false, value: "/bin/echo", arguments: ["e", "x"] },
      { gated: true, user, tools },
    );
    expect(plan.file).toBe("/bin/sh");
    expect(plan.args).toEqual([
      "-c",
      GATE_SCRIPT,
      "mesos-containerizer",
      "/usr/bin/setpriv",
      "--reuid=65534",
      "--regid=65534",
      "--groups=65534",
      "--",
      "/bin/bash",
      "-c",
      'exec -a "$0" "$@"',
      "e",
      "/bin/echo",
      "x",
    ]);
  });

  it("falls back to spawn's uid and gid without setpriv", () => {
    expect(launchPlan({ value: "id -u" }, { gated: false, user, tools: {} })).toEqual({
      file: "/bin/sh",
      args: ["-c", "id -u"],
      uid: 65534,
      gid: 65534,
    });
  });
});

describe("--recovery_timeout for executors", () => {
  it("reaches checkpointing executors as MESOS_RECOVERY_TIMEOUT", () => {
    const env = executorEnvironment({
      agentId: "a",
      ip: "127.0.0.1",
      port: 5051,
      framework: { user: "root", name: "f", checkpoint: true },
      executorId: "e",
      directory: "/tmp",
      shutdownGracePeriodMs: 5000,
      reregistrationTimeoutMs: 2000,
      recoveryTimeoutMs: 30_000,
    });
    expect(env.MESOS_RECOVERY_TIMEOUT).toBe("30secs");
  });
});

describe("agent cgroups where there are none", () => {
  it("returns undefined with one logged notice", () => {
    const dir = mkdtempSync(join(tmpdir(), "no-cgroups-"));
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    try {
      expect(
        AgentCgroups.create({ workDir: dir, memory: true, cpu: true, logger, mount: dir }),
      ).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] as string).msg).toContain("tasks are not contained in cgroups");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
