/**
 * Cold start and memory, gongwen against the engine under it, each in fresh child processes on the built package
 * (bench/lib/cold-child.mjs), interleaved rounds, medians:
 * - a fresh process to its first result on the seed (wall time, and the process's CPU time, which a loaded machine
 *   disturbs less): nodejieba's import + first tag(), @node-rs/jieba's import +
 *   dictionary + first tag(), gongwen's import + first analyze() (and first segment()) with either engine, with
 *   gongwen's time split into import, engine dictionaries (first segment) and the other stages' resources;
 * - RSS per added worker: a process with 3 warm workers minus one with 1, halved; the workers only load
 *   nodejieba and tag once, or are gongwen pool workers that analyze once (threads with either engine, and
 *   worker processes on nodejieba, whose RSS is summed with the pool's process).
 * `--ref <commit>` (repeatable) measures that commit's build too (`git archive`, built apart), in the same rounds,
 * for a before/after comparison under the same load; the ratios are then per build.
 *
 *   npm run build && npx tsx bench/cold-start.ts [--rounds 5] [--ref main]
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildRef, type Build } from "./lib/build.js";
import { runChild } from "./lib/child.js";
import { median, printTable, projectRoot } from "./lib/data.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" }, ref: { type: "string", multiple: true } } });
const rounds = Number(values.rounds);
const seed = `${projectRoot}/dict/samples/meeting-report.txt`;
const refs = (values.ref ?? []).map(buildRef);
const builds: Build[] = [...refs, { label: "working tree", folder: projectRoot }];

const ENGINES = ["nodejieba", "@node-rs/jieba"] as const;
const GONGWEN = ["analyze nodejieba", "segment nodejieba", "analyze node-rs", "segment node-rs"] as const;
const WORKERS = ["gongwen nodejieba", "gongwen node-rs", "gongwen nodejieba process"] as const;
/** A `--ref` build from before worker processes has threads only. */
const workerKinds = (build: Build) => WORKERS.filter((kind) => build.folder === projectRoot || !kind.endsWith(" process"));

interface First {
  ms: number;
  /** CPU time of the process by its first result (a build from before this field has none). */
  cpuMs?: number;
  rssMb: number;
  phases?: { import: number; engine: number; stages: number };
}

const child = (folder: string, args: string[]) => JSON.parse(runChild("bench/lib/cold-child.mjs", [folder, ...args])) as First;
/** Runs of each measurement, by a key that names the build for gongwen's. */
const firsts = new Map<string, First[]>();
const perWorker = new Map<string, number[]>();
const record = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
const workerRss = (folder: string, kind: string, count: number) => child(folder, ["workers", kind, String(count), seed]).rssMb;
const addedWorker = (folder: string, kind: string) => (workerRss(folder, kind, 3) - workerRss(folder, kind, 1)) / 2;
try {
  for (let round = 0; round < rounds; round++) {
    for (const engine of ENGINES) record(firsts, engine, child(projectRoot, ["first", engine, seed]));
    record(perWorker, "nodejieba", addedWorker(projectRoot, "nodejieba"));
    for (const build of builds) {
      for (const system of GONGWEN) record(firsts, `${build.label}: ${system}`, child(build.folder, ["first", system, seed]));
      for (const kind of workerKinds(build)) record(perWorker, `${build.label}: ${kind}`, addedWorker(build.folder, kind));
    }
  }
} finally {
  for (const build of refs) rmSync(build.folder, { recursive: true, force: true });
}

const med = (key: string, pick: (run: First) => number) => median(firsts.get(key)!.map(pick));
const engineOf = (system: string) => (system.endsWith("node-rs") ? "@node-rs/jieba" : "nodejieba");
const phase = (key: string, name: "import" | "engine" | "stages") =>
  firsts.get(key)![0]!.phases ? med(key, (run) => run.phases![name]).toFixed(0) : "";
const cpu = (key: string) => (firsts.get(key)![0]!.cpuMs === undefined ? undefined : med(key, (run) => run.cpuMs!));
const row = (label: string, key: string, engine: string) => [
  label,
  med(key, (run) => run.ms).toFixed(0),
  (med(key, (run) => run.ms) / med(engine, (run) => run.ms)).toFixed(2),
  cpu(key)?.toFixed(0) ?? "",
  cpu(key) === undefined ? "" : (cpu(key)! / cpu(engine)!).toFixed(2),
  phase(key, "import"),
  phase(key, "engine"),
  phase(key, "stages"),
  med(key, (run) => run.rssMb).toFixed(0),
  (med(key, (run) => run.rssMb) / med(engine, (run) => run.rssMb)).toFixed(2),
];
const prefix = (build: Build) => (builds.length > 1 ? `${build.label}: ` : "");

console.log(`\nA fresh process to its first result on the seed (${rounds} rounds, medians)`);
printTable(
  ["call", "ms", "× its engine's", "CPU ms", "× its engine's", "import ms", "engine dictionaries ms", "other stages ms", "RSS MB", "× its engine's"],
  [
    ...ENGINES.map((engine) => row(`${engine} tag()`, engine, engine)),
    ...builds.flatMap((build) =>
      GONGWEN.map((system) => row(`${prefix(build)}gongwen ${system.replace(" ", "() ")}`, `${build.label}: ${system}`, engineOf(system))),
    ),
  ],
);
const nodejiebaWorker = median(perWorker.get("nodejieba")!);
console.log(`\nRSS per added worker ((3 workers − 1 worker) / 2, ${rounds} rounds, medians)`);
printTable(
  ["worker", "MB", "× a nodejieba-only worker"],
  [
    ["worker thread that loads nodejieba, one tag()", nodejiebaWorker.toFixed(0), "1.00"],
    ...builds.flatMap((build) =>
      workerKinds(build).map((kind) => {
        const mb = median(perWorker.get(`${build.label}: ${kind}`)!);
        const label = kind.endsWith(" process") ? `${kind.replace(/ process$/, "")} pool worker process` : `${kind} pool worker thread`;
        return [`${prefix(build)}${label}, one analyze()`, mb.toFixed(0), (mb / nodejiebaWorker).toFixed(2)];
      }),
    ),
  ],
);
