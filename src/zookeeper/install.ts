import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

/** Where Debian's `zookeeper` package (through `libzookeeper-java`) puts the server and its libraries. */
export const DEBIAN_JAVA_DIR = "/usr/share/java";

export interface ZooKeeperInstall {
  /** The `java` launcher to run. */
  java: string;
  /** Class path: the server jar (its manifest names the other jars) and, when present, an SLF4J binding for logs. */
  classPath: string[];
  /** Changes when the package or the JVM is upgraded; keys the class-data archive. */
  fingerprint: string;
}

function javaLauncher(env: NodeJS.ProcessEnv): string | undefined {
  const candidates = [
    ...(env.JAVA_HOME ? [join(env.JAVA_HOME, "bin", "java")] : []),
    ...(env.PATH ?? "").split(":").map((dir) => join(dir || ".", "java")),
  ];
  return candidates.find((path) => existsSync(path));
}

/** Finds Java and the ZooKeeper jars, or throws an error naming what is missing and how to get it. */
export function findZooKeeperInstall(
  javaDir = DEBIAN_JAVA_DIR,
  env: NodeJS.ProcessEnv = process.env,
): ZooKeeperInstall {
  const jar = join(javaDir, "zookeeper.jar");
  if (!existsSync(jar))
    throw new Error(
      `ZooKeeper is not installed: ${jar} is missing (install Debian's package: apt-get install zookeeper)`,
    );
  const java = javaLauncher(env);
  if (!java)
    throw new Error(
      "ZooKeeper needs Java, and no `java` is on PATH or in JAVA_HOME (apt-get install default-jre)",
    );
  const logBinding = join(javaDir, "slf4j-simple.jar");
  const classPath = existsSync(logBinding) ? [jar, logBinding] : [jar];
  const jarStat = statSync(jar);
  const fingerprint = `${java}:${jarStat.size}:${Math.trunc(jarStat.mtimeMs)}`;
  return { java, classPath, fingerprint };
}
