import { randomBytes } from "node:crypto";

/** A cluster id as minimesos wrote it: an unsigned 32-bit random number in decimal. */
export const newClusterId = (): string => String(randomBytes(4).readUInt32BE(0));

/** The environment variable that marks every process of a cluster, so `destroy` can find them all. */
export const CLUSTER_ID_ENV = "MINIMESOS_CLUSTER_ID";
