import { describe, expect, it } from "vitest";
import type { Job } from "../model/job.js";
import { parseTaskId, taskIdOf } from "./task-id.js";

const job = { name: "sample-job.1", arguments: ["-v", "--x=1"] } as Job;

describe("Chronos task ids", () => {
  it("are ct:<due>:<attempt>:<name>:<args> with the job's arguments by default", () => {
    expect(taskIdOf(job, 1487073600000)).toBe("ct:1487073600000:0:sample-job.1:-v --x=1");
    expect(taskIdOf({ ...job, arguments: [] }, 5, 2)).toBe("ct:5:2:sample-job.1:");
  });

  it("carry run-now arguments instead, without semicolons", () => {
    expect(taskIdOf(job, 7, 0, "a; rm -rf b")).toBe("ct:7:0:sample-job.1:a rm -rf b");
    expect(taskIdOf(job, 7, 0, "  ")).toBe("ct:7:0:sample-job.1:-v --x=1");
  });

  it("parse back, arguments and all", () => {
    expect(parseTaskId("ct:1487073600000:1:dump:a b:c")).toEqual({
      due: 1487073600000,
      attempt: 1,
      jobName: "dump",
      args: "a b:c",
    });
    expect(parseTaskId("ct:5:0:dump")).toMatchObject({ jobName: "dump", args: "" });
    expect(parseTaskId("marathon.1234")).toBeUndefined();
  });
});
