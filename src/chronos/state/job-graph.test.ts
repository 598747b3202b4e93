import { describe, expect, it } from "vitest";
import type { Job } from "../model/job.js";
import { JobGraph } from "./job-graph.js";

const job = (name: string, parents?: string[]): Job =>
  ({ name, command: "true", ...(parents ? { parents } : { schedule: "R//PT1H" }) }) as Job;

function graph(): JobGraph {
  const g = new JobGraph();
  g.put(job("a"));
  g.put(job("b"));
  g.put(job("one", ["a"]));
  g.put(job("both", ["a", "b"]));
  return g;
}

const names = (jobs: Job[]) => jobs.map((j) => j.name);

describe("the job graph", () => {
  it("runs a one-parent child after every success of its parent", () => {
    const g = graph();
    expect(names(g.executableChildren("a"))).toEqual(["one"]);
    expect(names(g.executableChildren("a"))).toEqual(["one"]);
  });

  it("runs a two-parent child once both parents completed again", () => {
    const g = graph();
    expect(names(g.executableChildren("a"))).toEqual(["one"]);
    expect(names(g.executableChildren("b"))).toEqual(["both"]);
    g.resetInvocations("both");
    expect(names(g.executableChildren("a"))).toEqual(["one"]);
    expect(names(g.executableChildren("a"))).toEqual(["one"]);
    // a has completed twice, b once: this b completes the round.
    expect(names(g.executableChildren("b"))).toEqual(["both"]);
    // Without a reset (the child did not start) the next b is a second round only once a catches up.
    expect(names(g.executableChildren("b"))).toEqual(["both"]);
    expect(names(g.executableChildren("b"))).toEqual([]);
    expect(names(g.executableChildren("a"))).toEqual(["one", "both"]);
  });

  it("finds cycles through descendants", () => {
    const g = graph();
    g.put(job("c", ["one"]));
    expect(g.wouldCycle("a", ["c"])).toBe(true);
    expect(g.wouldCycle("one", ["one"])).toBe(true);
    expect(g.wouldCycle("c", ["b"])).toBe(false);
    expect(g.links()).toEqual([
      ["a", "one"],
      ["a", "both"],
      ["b", "both"],
      ["one", "c"],
    ]);
  });
});
