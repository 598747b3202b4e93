import { describe, expect, it } from "vitest";
import { jsonBodyProblem } from "./json-body-check.js";

describe("jsonBodyProblem", () => {
  it("accepts ordinary JSON, escapes, surrogate pairs and brackets inside strings", () => {
    expect(jsonBodyProblem('{"a":[1,{"b":"x\\"]]]\\\\"}],"e":"\\ud83d\\ude00 😀 \\u00e9"}')).toBeUndefined();
    expect(jsonBodyProblem("[".repeat(10) + "]".repeat(10), 10)).toBeUndefined();
  });

  it("refuses nesting deeper than the limit", () => {
    expect(jsonBodyProblem("[".repeat(11) + "]".repeat(11), 10)).toBe(
      "JSON nesting is deeper than 10 levels",
    );
    expect(jsonBodyProblem('{"d":' + "{".repeat(6000))).toMatch(/deeper than 200/);
  });

  it("refuses lone surrogates, escaped or raw", () => {
    expect(jsonBodyProblem('{"name":"\\ud800"}')).toBe("Invalid JSON: lone surrogate \\ud800 in a string");
    expect(jsonBodyProblem('{"name":"\\ud800\\u0041"}')).toMatch(/lone surrogate/);
    expect(jsonBodyProblem('{"name":"\\udc00"}')).toMatch(/lone surrogate \\udc00/);
    expect(jsonBodyProblem('{"name":"\ud800x"}')).toMatch(/lone surrogate/);
  });
});
