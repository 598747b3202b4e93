import { describe, expect, it } from "vitest";
import { chooseContainerizer } from "./options.js";

describe("chooseContainerizer", () => {
  it("adds Docker to the mesos or simulated containerizer", () => {
    expect(chooseContainerizer(undefined)).toEqual({ base: "mesos", docker: false });
    expect(chooseContainerizer("docker,mesos")).toEqual({ base: "mesos", docker: true });
    expect(chooseContainerizer(["docker"])).toEqual({ base: "mesos", docker: true });
    expect(chooseContainerizer(" simulated , docker ")).toEqual({ base: "simulated", docker: true });
    expect(() => chooseContainerizer("mesos,rkt")).toThrow(/Unknown containerizer 'rkt'/);
  });
});
