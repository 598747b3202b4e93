import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatJson, formatTable, writeOutput } from "./output.js";

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe("formatTable", () => {
  it("pads every column but the last to 20 characters", () => {
    const out = formatTable(["FRAMEWORK", "TASK", "STATE", "PORT"], [["fw", "t1", "TASK_RUNNING", "31000"]]);
    expect(out).toBe(
      `${"FRAMEWORK".padEnd(20)} ${"TASK".padEnd(20)} ${"STATE".padEnd(20)} PORT\n` +
        `${"fw".padEnd(20)} ${"t1".padEnd(20)} ${"TASK_RUNNING".padEnd(20)} 31000\n`,
    );
  });

  it("widens a column for a longer value so columns stay aligned", () => {
    const long = "a-framework-with-a-long-name";
    const lines = formatTable(
      ["A", "B"],
      [
        [long, "x"],
        ["short", "y"],
      ],
    ).split("\n");
    expect(lines[1]?.indexOf("x")).toBe(long.length + 1);
    expect(lines[2]?.indexOf("y")).toBe(long.length + 1);
  });

  it("prints only the header for no rows and trims trailing blanks", () => {
    expect(formatTable(["A", "B"], [])).toBe(`${"A".padEnd(20)} B\n`);
    expect(formatTable(["A", "B"], [["x", ""]]).split("\n")[1]).toBe("x");
  });
});

describe("writeOutput", () => {
  it("writes pretty JSON with --json and the text rendering otherwise", () => {
    const value = { a: 1, b: ["x"] };
    const json = sink();
    writeOutput({ json: true }, value, () => "text\n", json.stream);
    expect(json.text()).toBe(formatJson(value));
    expect(JSON.parse(json.text())).toEqual(value);
    expect(json.text()).toContain('\n  "a": 1');

    const text = sink();
    writeOutput({}, value, (v) => `a=${v.a}\n`, text.stream);
    expect(text.text()).toBe("a=1\n");
  });
});
