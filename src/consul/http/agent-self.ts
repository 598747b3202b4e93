import { CONSUL_VERSION, SERF_LAN_PORT, SERVER_PORT, type ConsulConfig } from "../consul-config.js";

/** The serf member this server is (`/v1/agent/members`, `Member` in `/v1/agent/self`). */
export const agentMember = (config: ConsulConfig) => ({
  Name: config.nodeName,
  Addr: config.advertiseAddr,
  Port: SERF_LAN_PORT,
  Tags: {
    bootstrap: "1",
    build: `${CONSUL_VERSION}:minimesos`,
    dc: config.datacenter,
    id: config.nodeId,
    port: String(SERVER_PORT),
    raft_vsn: "3",
    role: "consul",
    vsn: "2",
    vsn_max: "3",
    vsn_min: "2",
  },
  Status: 1,
  ProtocolMin: 1,
  ProtocolMax: 5,
  ProtocolCur: 2,
  DelegateMin: 2,
  DelegateMax: 5,
  DelegateCur: 4,
});

/** `GET /v1/agent/self`: the configuration of a `-dev` server and its own member. */
export const agentSelf = (config: ConsulConfig) => ({
  Config: {
    Datacenter: config.datacenter,
    PrimaryDatacenter: config.datacenter,
    NodeName: config.nodeName,
    NodeID: config.nodeId,
    Server: true,
    Bootstrap: true,
    DevMode: config.dataDir === "",
    Domain: config.domain,
    ClientAddr: config.clientAddr,
    BindAddr: config.advertiseAddr,
    AdvertiseAddr: config.advertiseAddr,
    DataDir: config.dataDir,
    Ports: {
      DNS: config.dnsPort,
      HTTP: config.httpPort,
      HTTPS: -1,
      SerfLan: SERF_LAN_PORT,
      SerfWan: 8302,
      Server: SERVER_PORT,
    },
    Version: CONSUL_VERSION,
    Revision: "minimesos",
  },
  Coord: { Vec: [0, 0, 0, 0, 0, 0, 0, 0], Error: 1.5, Adjustment: 0, Height: 0.00001 },
  Member: agentMember(config),
  Stats: { consul: { server: "true", leader: "true", bootstrap: "true", known_datacenters: "1" } },
  Meta: {},
});
