import { chownSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** A user as getpwnam(3) and getgrouplist(3) see it in /etc/passwd and /etc/group. */
export interface UserIdentity {
  name: string;
  uid: number;
  gid: number;
  /** Supplementary groups: the primary one and every group that lists the user. */
  groups: number[];
}

function lines(file: string): string[][] {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split(":"));
  } catch {
    return [];
  }
}

/** Looks a user up by name (or numeric uid); undefined when the machine has no such user. */
export function lookupUser(
  user: string,
  files = { passwd: "/etc/passwd", group: "/etc/group" },
): UserIdentity | undefined {
  const entry = lines(files.passwd).find(
    (fields) => fields[0] === user || (/^\d+$/.test(user) && fields[2] === user),
  );
  if (!entry || entry.length < 4) return undefined;
  const [name = user, , uid = "", gid = ""] = entry;
  const groups = new Set<number>([Number(gid)]);
  for (const fields of lines(files.group))
    if ((fields[3] ?? "").split(",").includes(name) && /^\d+$/.test(fields[2] ?? ""))
      groups.add(Number(fields[2]));
  return { name, uid: Number(uid), gid: Number(gid), groups: [...groups] };
}

/** Gives the sandbox (and what the fetcher put there) to the task's user, as Mesos chowns it. */
export function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else if (!entry.isSymbolicLink()) chownSync(child, uid, gid);
  }
}

/** Mesos's words (stout's os::su) when the task's user does not exist on the agent. */
export const unknownUserMessage = (user: string): string =>
  `Failed to change user to '${user}': Failed to getgid: unknown user`;
