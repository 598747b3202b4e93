import { describe, expect, it } from "vitest";
import { MinimesosFileError, parseMinimesosFile, plainValue } from "./index.js";

const valuesOf = (text: string) =>
  Object.fromEntries(parseMinimesosFile(text).properties.map((p) => [p.name, plainValue(p.value)]));

function errorOf(text: string): string {
  try {
    parseMinimesosFile(text);
  } catch (error) {
    if (error instanceof MinimesosFileError) return error.message;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe("parseMinimesosFile values", () => {
  it("reads strings with escapes, numbers, booleans and null", () => {
    expect(
      valuesOf(
        [
          `a = "tab\\there \\"q\\" \\u0041 \\$5"`,
          `b = 'it\\'s $x'`,
          "c = 5050",
          "d = 0.25",
          "e = -3",
          "f = true",
          "g = false",
          "h = null",
        ].join("\n"),
      ),
    ).toEqual({ a: 'tab\there "q" A $5', b: "it's $x", c: 5050, d: 0.25, e: -3, f: true, g: false, h: null });
  });

  it("reads triple-quoted strings across lines, verbatim", () => {
    const text = `json = """\n  { "a": [1, 2] }\n"""\nplain = '''line1\nline2'''`;
    expect(valuesOf(text)).toEqual({ json: '\n  { "a": [1, 2] }\n', plain: "line1\nline2" });
  });

  it("skips // and /* */ comments and takes ';' as a separator", () => {
    const text = "// top\n/* a\n   b */ x = 1; y = 2 // after\nz = /* inline */ 3";
    expect(valuesOf(text)).toEqual({ x: 1, y: 2, z: 3 });
  });
});

describe("parseMinimesosFile structure", () => {
  it("reads a package line, nested and repeated blocks with positions", () => {
    const ast = parseMinimesosFile(
      "package clusterconfig\n\nminimesos {\n  agent { }\n  agent {\n    resources { cpu { value = 1 } }\n  }\n}\n",
    );
    expect(ast.packageName).toBe("clusterconfig");
    const cluster = ast.blocks[0];
    expect(cluster?.name).toBe("minimesos");
    expect(cluster?.pos).toEqual({ line: 3, column: 1 });
    expect(cluster?.blocks.map((b) => b.name)).toEqual(["agent", "agent"]);
    const cpu = cluster?.blocks[1]?.blocks[0]?.blocks[0];
    expect(cpu?.properties[0]).toMatchObject({ name: "value", pos: { line: 6, column: 23 } });
  });

  it("reads a dotted package name and the old `name = { }` form", () => {
    const ast = parseMinimesosFile("package a.b.c;\nminimesos = {\n  zookeeper = { }\n}");
    expect(ast.packageName).toBe("a.b.c");
    expect(ast.blocks[0]).toMatchObject({ name: "minimesos", assigned: true });
    expect(ast.blocks[0]?.blocks[0]).toMatchObject({ name: "zookeeper", assigned: true });
  });
});

describe("parseMinimesosFile errors", () => {
  it("reports an unclosed block at the end of the file", () => {
    expect(errorOf("minimesos {\n  agent {\n}\n")).toBe(
      "minimesosFile:4:1: expected '}' to close block 'minimesos' opened at line 1",
    );
  });

  it("reports line and column for bad tokens and values", () => {
    expect(errorOf("minimesos {\n    timeout = sixty\n}")).toBe(
      "minimesosFile:2:15: expected a value for 'timeout' (a string, number, true, false or null), found 'sixty': references and code are not supported",
    );
    expect(errorOf('x = "open\n"')).toBe(
      'minimesosFile:1:5: unterminated string: missing closing " before the end of the line',
    );
    expect(errorOf("x = '''never closed")).toMatch(/^minimesosFile:1:5: unterminated triple-quoted string/);
    expect(errorOf("/* open")).toMatch(/^minimesosFile:1:1: unterminated comment/);
    expect(errorOf('x = "\\q"')).toBe("minimesosFile:1:6: invalid escape '\\q' in string");
    expect(errorOf("a = 1 b = 2")).toBe("minimesosFile:1:7: expected a new line or ';' after 'a', found 'b'");
    expect(errorOf("x = 10L")).toMatch(/^minimesosFile:1:7: unexpected 'L' after number 10/);
    expect(errorOf("}")).toBe("minimesosFile:1:1: unexpected '}': no block is open here");
    expect(errorOf("x = 1\npackage foo")).toBe(
      "minimesosFile:2:1: 'package' may only appear on the first line",
    );
  });

  it("rejects code instead of running it", () => {
    expect(errorOf("minimesos {\n  clusterName = \"a${Runtime.getRuntime().exec('rm')}\"\n}")).toMatch(
      /^minimesosFile:2:19: string interpolation \('\$\.\.\.'\) is not supported/,
    );
    expect(errorOf('x = "$HOME"')).toMatch(/^minimesosFile:1:6: string interpolation/);
    expect(errorOf("minimesos {\n  println 'hi'\n}")).toBe(
      "minimesosFile:2:3: 'println' is Groovy code; a minimesosFile is read, never run",
    );
    expect(errorOf('x = System.getenv("HOME")')).toMatch(
      /^minimesosFile:1:18: unexpected character '\(': method calls/,
    );
    expect(errorOf("def n = 3")).toBe(
      "minimesosFile:1:1: 'def' is Groovy code; a minimesosFile is read, never run",
    );
    expect(errorOf("timeout = 30 + 30")).toMatch(
      /^minimesosFile:1:14: unexpected character '\+': expressions/,
    );
    expect(errorOf("agent { it -> it }")).toMatch(/closures with parameters are not supported/);
    expect(errorOf("a.b = 1")).toBe("minimesosFile:1:2: expected '=' or '{' after 'a', found '.'");
    expect(errorOf("agent [1, 2]")).toMatch(/^minimesosFile:1:7: unexpected character '\['/);
  });

  it("names the source in the message", () => {
    expect(() => parseMinimesosFile("x = ", "cluster.groovy")).toThrow(
      "cluster.groovy:1:5: expected a value for 'x', found end of file",
    );
  });
});

describe("parseMinimesosFile line endings", () => {
  it("accepts CRLF files and a byte order mark", () => {
    const ast = parseMinimesosFile("\uFEFFminimesos {\r\n  x = '''a\r\nb'''\r\n  y = 2\r\n}\r\n");
    expect(ast.blocks[0]?.properties.map((p) => plainValue(p.value))).toEqual(["a\nb", 2]);
    expect(ast.blocks[0]?.properties[1]?.pos).toEqual({ line: 4, column: 3 });
  });
});
