import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseClusterRecord, type ClusterRecord } from "./cluster-record.js";

export type { ClusterRecord, RoleRecord } from "./cluster-record.js";

export const STATE_DIR_NAME = ".minimesos";

/** `.minimesos/` in the directory where `up` ran: the id file, cluster.json, role logs and work dirs. */
export class StateDir {
  readonly path: string;

  constructor(baseDir: string) {
    this.path = join(baseDir, STATE_DIR_NAME);
  }

  get idFile(): string {
    return join(this.path, "minimesos.cluster");
  }

  get clusterFile(): string {
    return join(this.path, "cluster.json");
  }

  logPath(roleName: string): string {
    return join(this.path, "logs", `${roleName}.log`);
  }

  workDir(roleName: string): string {
    return join(this.path, "work", roleName);
  }

  create(): void {
    mkdirSync(join(this.path, "logs"), { recursive: true });
    mkdirSync(join(this.path, "work"), { recursive: true });
  }

  readClusterId(): string | undefined {
    try {
      return readFileSync(this.idFile, "utf8").trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** Written before any role starts (as minimesos did), so `destroy` works after a partial failure. */
  writeClusterId(id: string): void {
    this.create();
    writeFileSync(this.idFile, id);
  }

  readCluster(): ClusterRecord | undefined {
    let text: string;
    try {
      text = readFileSync(this.clusterFile, "utf8");
    } catch {
      return undefined;
    }
    try {
      return parseClusterRecord(JSON.parse(text));
    } catch (error) {
      throw new Error(`${this.clusterFile} is damaged: ${(error as Error).message}`);
    }
  }

  writeCluster(record: ClusterRecord): void {
    this.create();
    writeFileSync(this.clusterFile, `${JSON.stringify(record, null, 2)}\n`);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
