import { describe, expect, it } from "vitest";
import { decodeJson, field, intField, stringListField } from "./go-json.js";

const errorOf = (text: string) => {
  try {
    decodeJson(text);
  } catch (error) {
    return (error as Error).message;
  }
  return "decoded";
};

describe("Go-style JSON decoding", () => {
  it("words errors as encoding/json does", () => {
    expect(errorOf("")).toBe("EOF");
    expect(errorOf("{")).toBe("unexpected EOF");
    expect(errorOf('{"Name": "a"')).toBe("unexpected EOF");
    expect(errorOf("x")).toBe("invalid character 'x' looking for beginning of value");
    expect(errorOf('{"a":x}')).toBe("invalid character 'x' looking for beginning of value");
    expect(errorOf("{} x")).toBe("invalid character 'x' after top-level value");
    expect(errorOf("{x}")).toBe("invalid character 'x' looking for beginning of object key string");
  });

  it("matches keys case-insensitively, exact names first", () => {
    expect(field({ name: "a" }, "Name")).toBe("a");
    expect(field({ name: "a", Name: "b" }, "Name")).toBe("b");
    expect(() => intField({ Port: "80" }, "Port", "structs.ServiceDefinition")).toThrow(
      "json: cannot unmarshal string into Go struct field structs.ServiceDefinition.Port of type int",
    );
    expect(stringListField({ tags: ["x"] }, "Tags", "s")).toEqual(["x"]);
  });
});
