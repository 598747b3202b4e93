import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const STATE_DIR_NAME = ".minimesos";

const roleRecordSchema = z.object({
  name: z.string(),
  role: z.enum(["master", "agent"]),
  url: z.string(),
  pid: z.number().int(),
  logPath: z.string().optional(),
  workDir: z.string().optional(),
  flags: z.record(z.string(), z.string()).default({}),
});

const clusterRecordSchema = z.object({
  clusterId: z.string(),
  runtime: z.enum(["process", "inproc"]),
  createdAt: z.string(),
  bindAddress: z.string(),
  roles: z.array(roleRecordSchema),
});

export type RoleRecord = z.infer<typeof roleRecordSchema>;
export type ClusterRecord = z.infer<typeof clusterRecordSchema>;

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
    const parsed = clusterRecordSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.clusterFile} is damaged: ${parsed.error.message}`);
    return parsed.data;
  }

  writeCluster(record: ClusterRecord): void {
    this.create();
    writeFileSync(this.clusterFile, `${JSON.stringify(record, null, 2)}\n`);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
