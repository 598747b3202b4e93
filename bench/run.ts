import { clusterBenchmarks } from "./cluster.bench.js";
import { chronosBenchmarks } from "./chronos.bench.js";
import { consulBenchmarks } from "./consul.bench.js";
import { coreBenchmarks } from "./core.bench.js";
import { dnsBenchmarks } from "./dns.bench.js";
import { dockerBenchmarks } from "./docker.bench.js";
import { dockerTaskBenchmarks } from "./docker-task.bench.js";
import { marathonBenchmarks } from "./marathon.bench.js";
import { printTable, type BenchResult } from "./stats.js";
import { zookeeperBenchmarks } from "./zookeeper.bench.js";

const suites: Array<[string, () => Promise<BenchResult[]>]> = [
  ["core", coreBenchmarks],
  ["cluster", clusterBenchmarks],
  ["marathon", marathonBenchmarks],
  ["chronos", chronosBenchmarks],
  ["consul", consulBenchmarks],
  ["dns", dnsBenchmarks],
  ["docker", dockerBenchmarks],
  ["docker-task", dockerTaskBenchmarks],
  ["zookeeper", zookeeperBenchmarks],
];
const only = process.argv.slice(2);

const results: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`running ${name} benchmarks ...\n`);
  results.push(...(await run()));
}
printTable(results);
process.stdout.write(
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
