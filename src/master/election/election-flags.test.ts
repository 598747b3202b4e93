import { describe, expect, it } from "vitest";
import { parseElectionFlags } from "./election-flags.js";

describe("--zk and --quorum", () => {
  it("are optional together: no --zk, no election", () => {
    expect(parseElectionFlags(undefined, undefined)).toBeUndefined();
    expect(parseElectionFlags("", "2")).toBeUndefined();
  });

  it("parse the URL and the quorum", () => {
    const flags = parseElectionFlags("zk://127.0.0.1:2181,127.0.0.1:2182/mesos", "2");
    expect(flags?.quorum).toBe(2);
    expect(flags?.zk.connectionString).toBe("127.0.0.1:2181,127.0.0.1:2182");
    expect(flags?.zk.path).toBe("/mesos");
  });

  it("refuse a missing or bad quorum and a malformed URL, naming the problem", () => {
    expect(() => parseElectionFlags("zk://h:2181/mesos", undefined)).toThrow(/Need to specify --quorum/);
    expect(() => parseElectionFlags("zk://h:2181/mesos", "0")).toThrow(
      "--quorum must be a positive integer, not '0'",
    );
    expect(() => parseElectionFlags("zk://h:2181/mesos", "two")).toThrow(/not 'two'/);
    expect(() => parseElectionFlags("zk://h:2181", "1")).toThrow(/Malformed ZooKeeper URL 'zk:\/\/h:2181'/);
  });
});
