import { describe, expect, it } from "vitest";
import { formatLabelsFlag, parseLabelsFlag } from "./labels-flag.js";

describe("--docker_container_labels", () => {
  it("reads key=value pairs separated by semicolons, a value may hold '='", () => {
    expect(parseLabelsFlag("minimesos.test=t-1;team=a=b; ;flag")).toEqual({
      "minimesos.test": "t-1",
      team: "a=b",
      flag: "",
    });
  });

  it("reads a JSON object and refuses values that are not strings", () => {
    expect(parseLabelsFlag('{"a;b": "c;d"}')).toEqual({ "a;b": "c;d" });
    expect(() => parseLabelsFlag('{"a": 1}')).toThrow(/value of 'a'/);
    expect(() => parseLabelsFlag("=x")).toThrow(/no key/);
  });

  it("writes what it reads back, as JSON only when the pairs cannot hold the labels", () => {
    const simple = { "minimesos.test": "t-1", team: "a=b" };
    expect(formatLabelsFlag(simple)).toBe("minimesos.test=t-1;team=a=b");
    const awkward = { "a;b": "c", d: "e;f" };
    expect(formatLabelsFlag(awkward)).toMatch(/^\{/);
    for (const labels of [simple, awkward, {}])
      expect(parseLabelsFlag(formatLabelsFlag(labels))).toEqual(labels);
  });
});
