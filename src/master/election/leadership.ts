import type { MasterInfo } from "../../mesos/master-info.js";
import type { LeaderInfo } from "../../mesos/zk/members.js";

/** The leading master as `/master/state` (`leader`, `leader_info`) and redirects name it. */
export interface LeaderView {
  id: string;
  pid: string;
  hostname: string;
  port: number;
}

/** Who leads, as this master knows it. A standalone master leads from its start; with --zk, once elected. */
export interface Leadership {
  /** This master acts as the master: elected (with --zk) and done recovering its registry. */
  readonly isLeader: boolean;
  /** The leading master (maybe this one); undefined while none is known. */
  readonly leader: LeaderView | undefined;
  /** When this master was elected, in seconds since the epoch; undefined on a non-leader. */
  readonly electedTime: number | undefined;
}

export const leaderView = (info: MasterInfo): LeaderView => ({
  id: info.id,
  pid: info.pid,
  hostname: info.hostname,
  port: info.port,
});

/** The leader read from its `json.info_` znode (other masters' MasterInfo may lack fields). */
export const leaderViewFromZk = (leader: LeaderInfo): LeaderView => ({
  id: leader.id,
  pid:
    typeof leader.info.pid === "string" && leader.info.pid !== ""
      ? leader.info.pid
      : `master@${leader.address}`,
  hostname: leader.hostname,
  port: leader.port,
});

/** A master without --zk: always the leader, elected when it started. */
export function standaloneLeadership(info: MasterInfo, startTime: number): Leadership {
  return {
    isLeader: true,
    get leader() {
      return leaderView(info);
    },
    electedTime: startTime,
  };
}
