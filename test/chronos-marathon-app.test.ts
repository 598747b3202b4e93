import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_PATH } from "../src/common/package-root.js";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;
beforeAll(async () => {
  cluster = await startMarathonCluster({ containerizer: "mesos" });
});
afterAll(async () => {
  await cluster?.close();
});

describe("Chronos as a Marathon app", () => {
  it("runs from `minimesos run chronos --http_port $PORT0` with CHRONOS_MASTER in its env", async () => {
    const app = {
      id: "/chronos",
      cmd: `${process.execPath} ${CLI_PATH} run chronos --http_port $PORT0`,
      env: { CHRONOS_MASTER: cluster.master.url },
      cpus: 0.2,
      mem: 256,
      portDefinitions: [{ port: 0, name: "http" }],
    };
    expect((await cluster.api("/v2/apps", { method: "POST", body: app })).status).toBe(201);
    const task = await until(
      "the Chronos task running",
      async () =>
        (await cluster.api("/v2/apps/chronos/tasks")).json?.tasks?.find(
          (t: { state: string }) => t.state === "TASK_RUNNING",
        ),
      20_000,
    );
    const url = `http://127.0.0.1:${task.ports[0]}`;
    await until(
      "Chronos answering",
      async () =>
        (await fetch(`${url}/ping`).then(
          (r) => r.text(),
          () => "",
        )) === "pong",
      20_000,
    );
    const names = await until("Chronos registered", async () => {
      const state = await cluster.masterState();
      const found = state.frameworks.map((f: { name: string }) => f.name);
      return found.includes("chronos") && found;
    });
    expect(names).toEqual(expect.arrayContaining(["marathon", "chronos"]));
    const posted = await fetch(`${url}/scheduler/iso8601`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "inner", command: "true", schedule: "R1//PT1H" }),
    });
    expect(posted.status).toBe(204);
    await until(
      "the job's success",
      async () =>
        ((await (await fetch(`${url}/scheduler/job/inner`)).json()) as { successCount: number })
          .successCount === 1,
      20_000,
    );
    expect((await cluster.api("/v2/apps/chronos", { method: "DELETE" })).status).toBe(200);
  });
});
