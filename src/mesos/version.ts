/** The Apache Mesos release whose wire behaviour we follow, reported as `version`. */
export const MESOS_VERSION = "1.11.0";
