import { describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import type { Job } from "../model/job.js";
import { parseJob } from "../model/job-parse.js";
import { buildTaskInfo, taskEnvironment } from "./task-builder.js";
import { taskIdOf } from "./task-id.js";

const DEFAULTS = { cpus: 0.1, mem: 128, disk: 256, user: "tester", epsilonSeconds: 60 };
function job(body: Record<string, unknown>): Job {
  const parsed = parseJob(
    { name: "j", command: "echo", schedule: "R//PT1H", ...body },
    { kind: "iso8601", v2: false },
    DEFAULTS,
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.job;
}
const offer = {
  id: { value: "o1" },
  agent_id: { value: "a1" },
  hostname: "agent-1",
  framework_id: { value: "f" },
  resources: [],
} as Offer;

describe("Chronos's TaskInfo", () => {
  it("is named ChronosTask:<name> and carries Chronos's environment, the job's variables after it", () => {
    const j = job({
      owner: "me@x",
      environmentVariables: [
        { name: "A", value: "1" },
        { name: "HOST", value: "mine" },
      ],
    });
    const id = taskIdOf(j, 1000, 1);
    const info = buildTaskInfo(id, j, offer, []);
    expect(info.name).toBe("ChronosTask:j");
    expect(info.task_id).toEqual({ value: "ct:1000:1:j:" });
    expect(Object.fromEntries(taskEnvironment(id, j, "agent-1").map((v) => [v.name, v.value]))).toEqual({
      mesos_task_id: id,
      MESOS_TASK_ID: id,
      CHRONOS_JOB_OWNER: "me@x",
      CHRONOS_JOB_NAME: "j",
      HOST: "agent-1",
      CHRONOS_RESOURCE_MEM: "128.0",
      CHRONOS_RESOURCE_CPU: "0.1",
      CHRONOS_RESOURCE_DISK: "256.0",
      CHRONOS_JOB_RUN_TIME: "1000",
      CHRONOS_JOB_RUN_ATTEMPT: "1",
      A: "1",
    });
    expect(info.command).toMatchObject({ shell: true, value: "echo", user: "tester" });
  });

  it("appends run-now arguments to a shell command", () => {
    const j = job({ command: "echo start; echo" });
    const info = buildTaskInfo(taskIdOf(j, 1, 0, "one two"), j, offer, []);
    expect(info.command).toMatchObject({ shell: true, value: "echo start; echo one two" });
  });

  it("sends command and arguments as they are when shell is false", () => {
    const j = job({ command: "/bin/echo", shell: false, arguments: ["a", "b"] });
    expect(buildTaskInfo(taskIdOf(j, 1), j, offer, []).command).toMatchObject({
      shell: false,
      value: "/bin/echo",
      arguments: ["a", "b"],
    });
  });

  it("fetches URIs and builds Docker and Mesos containers", () => {
    const j = job({
      fetch: [{ uri: "http://x/a.tgz", output_file: "b.tgz" }],
      maxCompletionTime: 30,
      container: {
        type: "docker",
        image: "alpine",
        network: "BRIDGE",
        volumes: [{ containerPath: "/data", hostPath: "/tmp", mode: "rw" }],
        parameters: [{ key: "label", value: "x=y" }],
      },
    });
    const info = buildTaskInfo(taskIdOf(j, 1), j, offer, []);
    expect(info.command?.uris).toEqual([
      { value: "http://x/a.tgz", extract: true, executable: false, cache: false, output_file: "b.tgz" },
    ]);
    expect(info.max_completion_time).toEqual({ nanoseconds: 30e9 });
    expect(info.container).toEqual({
      type: "DOCKER",
      docker: {
        image: "alpine",
        network: "BRIDGE",
        force_pull_image: false,
        parameters: [{ key: "label", value: "x=y" }],
      },
      volumes: [{ container_path: "/data", host_path: "/tmp", mode: "RW" }],
    });
    const m = job({
      container: { type: "MESOS", image: "debian", forcePullImage: true, networkInfos: [{ name: "net" }] },
    });
    expect(buildTaskInfo(taskIdOf(m, 1), m, offer, []).container).toEqual({
      type: "MESOS",
      mesos: { image: { type: "DOCKER", docker: { name: "debian" }, cached: false } },
      volumes: [],
      network_infos: [{ name: "net", labels: { labels: [] } }],
    });
  });

  it("runs a URL command from the sandbox", () => {
    const j = job({ command: "http://example.com/bin/run.sh" });
    expect(buildTaskInfo(taskIdOf(j, 1), j, offer, []).command).toMatchObject({
      uris: [{ value: "http://example.com/bin/run.sh", executable: true }],
      value: '"./run.sh"',
    });
  });
});
