/**
 * Cold start and memory, gongwen against the engine under it, each in fresh child processes on the built package
 * (bench/lib/cold-child.mjs), interleaved rounds, medians:
 * - a fresh process to its first result on the seed: nodejieba's import + first tag(), @node-rs/jieba's import +
 *   dictionary + first tag(), gongwen's import + first analyze() (and first segment()) with either engine, with
 *   gongwen's time split into import, engine dictionaries (first segment) and the other stages' resources;
 * - RSS per added worker thread: a process with 3 warm workers minus one with 1, halved; the workers only load
 *   nodejieba and tag once, or are gongwen pool workers that analyze once (with either engine).
 *
 *   npm run build && npx tsx bench/cold-start.ts [--rounds 5]
 */
import { runChild } from "./lib/child.js";
import { median, printTable, projectRoot } from "./lib/data.js";

const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 5;
const seed = `${projectRoot}/dict/samples/meeting-report.txt`;

const FIRST = ["nodejieba", "analyze nodejieba", "segment nodejieba", "@node-rs/jieba", "analyze node-rs", "segment node-rs"] as const;
const WORKERS = ["nodejieba", "gongwen nodejieba", "gongwen node-rs"] as const;

interface First {
  ms: number;
  rssMb: number;
  phases?: { import: number; engine: number; stages: number };
}

const firsts = new Map<string, First[]>(FIRST.map((system) => [system, []]));
const perWorker = new Map<string, number[]>(WORKERS.map((kind) => [kind, []]));
const workerRss = (kind: string, count: number) =>
  (JSON.parse(runChild("bench/lib/cold-child.mjs", ["workers", kind, String(count), seed])) as { rssMb: number }).rssMb;
for (let round = 0; round < rounds; round++) {
  for (const system of FIRST) firsts.get(system)!.push(JSON.parse(runChild("bench/lib/cold-child.mjs", ["first", system, seed])) as First);
  for (const kind of WORKERS) perWorker.get(kind)!.push((workerRss(kind, 3) - workerRss(kind, 1)) / 2);
}

const med = (system: string, pick: (run: First) => number) => median(firsts.get(system)!.map(pick));
const label = (system: string) => (system.includes(" ") ? `gongwen ${system.replace(" ", "() ")}` : `${system} tag()`);
const engineOf = (system: string) => (system.endsWith("node-rs") || system === "@node-rs/jieba" ? "@node-rs/jieba" : "nodejieba");
const phase = (system: string, name: "import" | "engine" | "stages") =>
  firsts.get(system)![0]!.phases ? med(system, (run) => run.phases![name]).toFixed(0) : "";

console.log(`\nA fresh process to its first result on the seed (${rounds} rounds, medians)`);
printTable(
  ["call", "ms", "× its engine's", "import ms", "engine dictionaries ms", "other stages ms", "RSS MB", "× its engine's"],
  FIRST.map((system) => [
    label(system),
    med(system, (run) => run.ms).toFixed(0),
    (med(system, (run) => run.ms) / med(engineOf(system), (run) => run.ms)).toFixed(2),
    phase(system, "import"),
    phase(system, "engine"),
    phase(system, "stages"),
    med(system, (run) => run.rssMb).toFixed(0),
    (med(system, (run) => run.rssMb) / med(engineOf(system), (run) => run.rssMb)).toFixed(2),
  ]),
);
const nodejiebaWorker = median(perWorker.get("nodejieba")!);
console.log(`\nRSS per added worker thread ((3 workers − 1 worker) / 2, ${rounds} rounds, medians)`);
printTable(
  ["worker", "MB", "× a nodejieba-only worker"],
  WORKERS.map((kind) => [
    kind === "nodejieba" ? "loads nodejieba, one tag()" : `${kind} pool worker, one analyze()`,
    median(perWorker.get(kind)!).toFixed(0),
    (median(perWorker.get(kind)!) / nodejiebaWorker).toFixed(2),
  ]),
);
