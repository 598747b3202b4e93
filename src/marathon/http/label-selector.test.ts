import { describe, expect, it } from "vitest";
import { labelSelector } from "./label-selector.js";

describe("labelSelector", () => {
  const labels = { env: "prod", tier: "frontend tier", region: "eu" };
  it("matches existence, equality, inequality and sets, every item required", () => {
    expect(labelSelector("env")(labels)).toBe(true);
    expect(labelSelector("missing")(labels)).toBe(false);
    expect(labelSelector("env==prod")(labels)).toBe(true);
    expect(labelSelector("env==dev")(labels)).toBe(false);
    expect(labelSelector("tier!=frontend\\ tier")(labels)).toBe(false);
    expect(labelSelector("env==prod, region in (us, eu)")(labels)).toBe(true);
    expect(labelSelector("region notin (us, eu)")(labels)).toBe(false);
    expect(labelSelector("env==prod, region in (us)")(labels)).toBe(false);
  });
});
