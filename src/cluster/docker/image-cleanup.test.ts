import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import type { DockerEngine } from "./engine.js";
import { removeStaleRoleImages, staleRoleImageTags } from "./image-cleanup.js";

const NEW = "minimesos/minimesos:0.1.0-new";
const HOUR_AGO = Date.now() / 1000 - 3600;
const image = (id: string, tags: string[], created = HOUR_AGO) => ({
  Id: id,
  RepoTags: tags,
  Created: created,
});
const images = [
  image("sha256:new", [NEW], Date.now() / 1000),
  image("sha256:old1", ["minimesos/minimesos:0.1.0-old1", "mine/keep:1"]),
  image("sha256:old2", ["minimesos/minimesos:0.1.0-old2"]),
  image("sha256:used", ["minimesos/minimesos:0.1.0-used"]),
  image("sha256:usedbytag", ["minimesos/minimesos:0.1.0-usedbytag"]),
  image("sha256:other", ["minimesos/busybox:latest"]),
  image("sha256:young", ["minimesos/minimesos:0.1.0-young"], Date.now() / 1000 - 60),
];
const containers = [
  { ImageID: "sha256:used", Image: "sha256:used" },
  { ImageID: "", Image: "minimesos/minimesos:0.1.0-usedbytag" },
];

describe("staleRoleImageTags", () => {
  it("lists the repository's other old tags, never the new image's, a used or young image's or other repositories'", () => {
    expect(staleRoleImageTags(images, containers, NEW)).toEqual([
      "minimesos/minimesos:0.1.0-old1",
      "minimesos/minimesos:0.1.0-old2",
    ]);
  });

  it("takes any age with minAgeMs 0", () => {
    expect(staleRoleImageTags(images, containers, NEW, { minAgeMs: 0 })).toContain(
      "minimesos/minimesos:0.1.0-young",
    );
  });

  it("spares the image a cluster's network names: that cluster is starting its containers from it", () => {
    const networks: Array<{ Labels: Record<string, string> }> = [
      { Labels: { "minimesos.image": "minimesos/minimesos:0.1.0-old2" } },
      { Labels: {} },
    ];
    expect(staleRoleImageTags(images, containers, NEW, { networks })).toEqual([
      "minimesos/minimesos:0.1.0-old1",
    ]);
  });

  it("keeps a tag that names the same image as the new one", () => {
    const sameImage = [image("sha256:new", [NEW, "minimesos/minimesos:0.1.0-alias"])];
    expect(staleRoleImageTags(sameImage, [], NEW)).toEqual([]);
  });
});

describe("removeStaleRoleImages", () => {
  it("removes the stale tags, and takes a conflict (a container created meanwhile) or a gone image calmly", async () => {
    const asked: string[] = [];
    const failures: Record<string, number> = {
      "minimesos/minimesos:0.1.0-old2": 409,
      "minimesos/minimesos:0.1.0-old3": 404,
    };
    const engine = {
      listImages: async () => [...images, image("sha256:old3", ["minimesos/minimesos:0.1.0-old3"])],
      listContainers: async () => containers,
      listNetworks: async () => [],
      getImage: (tag: string) => ({
        remove: async () => {
          asked.push(tag);
          const statusCode = failures[tag];
          if (statusCode) throw Object.assign(new Error(`status ${statusCode}`), { statusCode });
        },
      }),
    } as unknown as DockerEngine;
    expect(await removeStaleRoleImages(engine, NEW)).toEqual(["minimesos/minimesos:0.1.0-old1"]);
    expect(asked).toEqual([
      "minimesos/minimesos:0.1.0-old1",
      "minimesos/minimesos:0.1.0-old2",
      "minimesos/minimesos:0.1.0-old3",
    ]);
  });

  it("passes on other engine errors", async () => {
    const engine = {
      listImages: async () => images,
      listContainers: async () => [] as Docker.ContainerInfo[],
      listNetworks: async () => [],
      getImage: () => ({
        remove: async () => {
          throw Object.assign(new Error("boom"), { statusCode: 500 });
        },
      }),
    } as unknown as DockerEngine;
    await expect(removeStaleRoleImages(engine, NEW)).rejects.toThrow("boom");
  });
});
