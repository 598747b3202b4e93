import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMAND_LOADERS, registerCommands, requestedCommand } from "./commands.js";

describe("lazy command registration", () => {
  it("finds the command named on the command line", () => {
    expect(requestedCommand(["run", "agent", "--port=0"])).toBe("run");
    expect(requestedCommand(["--json", "state"])).toBe("state");
    expect(requestedCommand(["--version"])).toBeUndefined();
    expect(requestedCommand(["help", "up"])).toBeUndefined();
    expect(requestedCommand(["bogus"])).toBeUndefined();
    expect(requestedCommand(["constructor"])).toBeUndefined();
  });

  it("registers only that command, or every command when none is named", async () => {
    const one = new Command();
    await registerCommands(one, ["version", "--json"]);
    expect(one.commands.map((c) => c.name())).toEqual(["version"]);

    const all = new Command();
    await registerCommands(all, ["--help"]);
    expect(all.commands.map((c) => c.name()).sort()).toEqual(Object.keys(COMMAND_LOADERS).sort());
  });
});
