import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startAgent, type Agent } from "../src/agent/agent.js";
import { silentLogger } from "../src/common/logger.js";
import { startConsul, type Consul } from "../src/consul/consul.js";
import { ensureTestImage } from "../src/docker/index.js";
import { startMarathon, type Marathon } from "../src/marathon/marathon.js";
import { startMaster, type Master } from "../src/master/master.js";
import { startRegistrator, type Registrator } from "../src/registrator/registrator.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";
import { until } from "./support/marathon-cluster.js";

interface Entry {
  Service: { ID: string; Service: string; Address: string; Port: number; Tags: string[] };
}

// A BRIDGE DOCKER app (container port 8080 mapped to a host port) registered twice: by a registrator at
// the agent's address and host port, and by one with --internal at the container's own IP and port 8080;
// its SERVICE_* variables are read from the container, as registrator reads them from Docker.
describeDocker("registrator with DOCKER tasks", () => {
  let workRoot = "";
  let master: Master | undefined;
  let agent: Agent | undefined;
  let marathon: Marathon | undefined;
  let consul: Consul | undefined;
  const registrators: Registrator[] = [];

  beforeAll(async () => {
    await ensureTestImage();
    workRoot = mkdtempSync(join(tmpdir(), "minimesos-registrator-docker-"));
    master = await startMaster({ port: 0 });
    agent = await startAgent({
      master: master.url,
      port: 0,
      workDir: join(workRoot, "agent"),
      resources: "cpus:4;mem:4096;disk:10000;ports:[31000-31999]",
      containerizers: "docker,mesos",
      dockerLabels: testRunLabels(),
      logger: silentLogger(),
      reconnectBackoffMaxMs: 100,
    });
    await agent.registered();
    marathon = await startMarathon({ master: master.url, httpPort: 0, logger: silentLogger() });
    consul = await startConsul({ httpPort: 0, dnsPort: -1, node: "consul-node" });
    const registry = `consul://127.0.0.1:${consul.port}`;
    registrators.push(
      await startRegistrator({ master: master.url, registry, hostname: "outside", tags: ["outside"] }),
      await startRegistrator({
        master: master.url,
        registry,
        hostname: "inside",
        tags: ["inside"],
        internal: true,
      }),
    );
  }, 60_000);

  afterAll(async () => {
    for (const r of registrators) await r.stop();
    await consul?.stop();
    await marathon?.stop();
    await agent?.stop();
    await master?.stop();
    await removeTestRunObjects();
    if (workRoot) rmSync(workRoot, { recursive: true, force: true });
  }, 60_000);

  it("registers the host port at the agent, and the container port at the container with --internal", async () => {
    const created = await fetch(`${marathon?.url}/v2/apps`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        id: "/bridged",
        cmd: "mkdir -p /tmp/www && echo ok > /tmp/www/index.html && httpd -f -p 8080 -h /tmp/www",
        cpus: 0.1,
        mem: 32,
        env: { SERVICE_8080_NAME: "bridged-web", SERVICE_TAGS: "from-env" },
        container: {
          type: "DOCKER",
          docker: {
            image: "minimesos/busybox",
            network: "BRIDGE",
            portMappings: [{ containerPort: 8080, hostPort: 0 }],
          },
        },
      }),
    });
    expect(created.status).toBe(201);
    const entries = await until(
      "two registrations of bridged-web",
      async () => {
        const res = await fetch(`${consul?.url}/v1/health/service/bridged-web?passing`);
        const list = (await res.json()) as Entry[];
        return list.length === 2 ? list : undefined;
      },
      60_000,
    );
    const outside = entries.find((e) => e.Service.Tags.includes("outside"))?.Service;
    const inside = entries.find((e) => e.Service.Tags.includes("inside"))?.Service;
    expect(outside?.Tags).toEqual(["from-env", "outside"]);
    expect(outside?.Address).toBe("127.0.0.1");
    expect(outside?.Port).toBeGreaterThanOrEqual(31000);
    expect(outside?.ID).toMatch(/^outside:bridged\.[^:]+:8080$/);
    expect(inside?.Port).toBe(8080);
    expect(inside?.Address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(inside?.Address).not.toBe("127.0.0.1");
    const body = await fetch(`http://${outside?.Address}:${outside?.Port}/`);
    expect((await body.text()).trim()).toBe("ok");
  }, 90_000);
});
