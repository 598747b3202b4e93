/** What a running Consul says about itself (`/v1/agent/self`, DNS, the leader address). */
export interface ConsulConfig {
  datacenter: string;
  nodeName: string;
  nodeId: string;
  /** The address the node advertises (and the HTTP and DNS servers bind). */
  advertiseAddr: string;
  clientAddr: string;
  /** The DNS domain, with its trailing dot (`consul.`). */
  domain: string;
  httpPort: number;
  dnsPort: number;
  /** Where data is kept ('' in memory). */
  dataDir: string;
  /** DNS answers leave out instances with a warning check too (Consul's dns_config.only_passing). */
  dnsOnlyPassing: boolean;
}

/** The Consul release whose API this one follows. */
export const CONSUL_VERSION = "1.0.0";

/** The server RPC port Consul reports for itself (the `consul` service, `/v1/status/leader`). */
export const SERVER_PORT = 8300;
export const SERF_LAN_PORT = 8301;
