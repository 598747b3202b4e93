import { describe, expect, it } from "vitest";
import { engineAccess } from "./engine-access.js";

describe("engineAccess", () => {
  it("mounts the default socket at its own path when DOCKER_HOST is unset", () => {
    expect(engineAccess({})).toEqual({ binds: ["/var/run/docker.sock:/var/run/docker.sock"], env: [] });
  });

  it("mounts the unix socket DOCKER_HOST names and points DOCKER_HOST at it", () => {
    expect(engineAccess({ DOCKER_HOST: "unix:///run/user/1000/docker.sock" })).toEqual({
      binds: ["/run/user/1000/docker.sock:/run/user/1000/docker.sock"],
      env: ["DOCKER_HOST=unix:///run/user/1000/docker.sock"],
    });
  });

  it("passes a tcp engine's variables on and mounts the certificates read-only", () => {
    const env = { DOCKER_HOST: "tcp://10.0.0.5:2376", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" };
    expect(engineAccess(env)).toEqual({
      binds: ["/certs:/certs:ro"],
      env: ["DOCKER_HOST=tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=/certs"],
    });
  });
});
