import type { TestProject } from "vitest/node";
import { MesosCluster, type StartedMesosCluster } from "minimesos/testing";

let cluster: StartedMesosCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  cluster = await new MesosCluster({ agents: [{}, {}] }).start();
  project.provide("masterUrl", cluster.masterUrl);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    masterUrl: string;
  }
}
