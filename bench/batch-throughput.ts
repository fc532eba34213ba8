/**
 * Throughput of `gongwen tag --jsonl` over the CCTV news items (../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl,
 * 19,541 items, 33.7 MB), run through the built CLI with 1 worker and with 2, as separate processes, the way a user
 * runs it: `gongwen tag --jsonl items.jsonl > tags.jsonl` (the CLI reads the file and writes a file; this script
 * only samples /proc, so it takes no CPU from the run — piping the data through it had cost ~2% of a core).
 *
 * Runs alternate (1, 2, 1, 2, … workers) so that a change in the machine's load hits both counts alike, and the
 * medians over the runs are printed. Per worker count: documents/s, MB/s, CPU milliseconds per document (the whole
 * process, all threads; and the main thread alone: reading lines and writing results, what the workers do not
 * share), the cores the run actually got (CPU time / wall time: below the worker count when other processes
 * compete for the cores, which caps the speed-up whatever gongwen does), and memory: the process's peak RSS
 * (VmHWM), the extra peak RSS each added worker costs (worker threads share one process, so that difference is the
 * per-worker figure), and RSS at each quarter of the run (flat means memory is bounded: the file is streamed).
 * CPU per document is given for the whole run and for the part after the first result (without start-up: loading
 * modules and nodejieba). Last, the speed-up of 2 workers over 1: the ratio of the median documents/s, and the
 * median of the ratios of the alternating pairs. CPU per document is the figure to trust on a busy machine; the
 * speed-up needs a quiet one.
 *
 * The CLI is built from the working tree, or with `--ref` from commits (`git archive`, so nobody's uncommitted
 * work is in it); several `--ref`s alternate too, for a before/after comparison under the same load.
 *
 *   npx tsx bench/batch-throughput.ts                          # the whole file, 1 and 2 workers, 3 runs each
 *   npx tsx bench/batch-throughput.ts --limit 4000 --runs 5    # the first 4,000 items, 5 runs each
 *   npx tsx bench/batch-throughput.ts --workers 1,2,3
 *   npx tsx bench/batch-throughput.ts --limit 5000 --workers 1 --ref 862c665 --ref HEAD   # before/after
 *   npx tsx bench/batch-throughput.ts --limit 5000 --node-flags= --node-flags=--single-threaded-gc   # V8 flags
 *
 * `--node-flags` (repeatable; empty for none) runs the CLI under those node/V8 flags, which reach its worker threads
 * too (V8 flags are per process); each set alternates with the others. `--isolation thread --isolation process`
 * runs the CLI with each (`gongwen --isolation`), alternating too: a process pool's CPU and memory are its whole
 * process tree's (the CLI and its worker processes; each process's peak RSS, summed).
 *
 *   npx tsx bench/batch-throughput.ts --limit 4000 --isolation thread --isolation process
 */
import { spawn } from "node:child_process";
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildRef, buildWorkingTree, type Build as PackageBuild } from "./lib/build.js";
import { median } from "./lib/data.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl");
const SAMPLE_MS = 100;

const { values } = parseArgs({
  options: {
    limit: { type: "string" },
    workers: { type: "string", default: "1,2" },
    runs: { type: "string", default: "3" },
    ref: { type: "string", multiple: true },
    "node-flags": { type: "string", multiple: true },
    isolation: { type: "string", multiple: true },
  },
});
const limit = values.limit === undefined ? undefined : Number(values.limit);
const workerCounts = values.workers.split(",").map(Number);
const runs = Number(values.runs);

/** A CLI build, node's flags and the pool's isolation. */
interface Build extends PackageBuild {
  nodeFlags?: string[];
  isolation?: string;
}

/**
 * The file the CLI reads: the corpus itself, or a temporary copy of its first `limit` lines (written before any
 * run, untimed).
 */
function inputFile(folder: string): string {
  if (limit === undefined) return CORPUS;
  const lines = readFileSync(CORPUS, "utf8").split("\n").slice(0, limit);
  const path = join(folder, `first-${limit}.jsonl`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Lines in a file, counted in chunks. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return lines;
}

const kib = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);

interface Result {
  build: string;
  workers: number;
  documents: number;
  inputBytes: number;
  seconds: number;
  /** From the first result to the last: the rate once every worker has loaded its dictionaries. */
  steadySeconds: number;
  /** CPU time of the whole process (all threads), user + system. */
  cpuSeconds: number;
  /** CPU time of the main thread alone (reading, parsing and writing lines): what the workers do not share. */
  mainCpuSeconds: number;
  /** CPU time of the whole process after the first result, and the documents written after it. */
  steadyCpuSeconds: number;
  steadyDocuments: number;
  peakRssMb: number;
  rssByQuarterMb: number[];
  failed: number;
}

async function measure(build: Build, workers: number, input: string, scratch: string): Promise<Result> {
  // As a user runs it: the CLI reads the file and writes a file, so no process of this script is in the data path.
  const outputPath = join(scratch, "tags.jsonl");
  const output = openSync(outputPath, "w");
  const started = performance.now();
  const isolation = build.isolation ? ["--isolation", build.isolation] : [];
  const args = [...(build.nodeFlags ?? []), join(build.folder, "dist/cli.js"), "tag", "--jsonl", input, "-c", String(workers), ...isolation, "-q"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", output, "pipe"] });
  closeSync(output);
  let peakKib = 0;
  let cpuTicks = 0;
  let mainTicks = 0;
  // utime and stime are fields 14 and 15 of a stat line, counted after the parenthesised command name
  const ticks = (stat: string) => {
    const fields = stat.split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  };
  // The CLI's worker processes (a process pool): last CPU ticks and peak RSS seen of each, kept after it exits.
  const workerTicks = new Map<number, number>();
  const workerPeakKib = new Map<number, number>();
  const workerPids = () =>
    readdirSync(`/proc/${child.pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${child.pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  const processTicks = () => {
    for (const pid of workerPids()) {
      try {
        workerTicks.set(pid, ticks(readFileSync(`/proc/${pid}/stat`, "utf8")));
        workerPeakKib.set(pid, kib(readFileSync(`/proc/${pid}/status`, "utf8"), "VmHWM"));
      } catch {
        // it has just exited
      }
    }
    return ticks(readFileSync(`/proc/${child.pid}/stat`, "utf8")) + [...workerTicks.values()].reduce((sum, t) => sum + t, 0);
  };
  const workersRssKib = () => [...workerPids()].reduce((sum, pid) => {
    try {
      return sum + kib(readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS");
    } catch {
      return sum;
    }
  }, 0);
  const rssTimeline: { at: number; rss: number }[] = [];
  // The first result: the first sample that finds output (the sampling period is small beside a run).
  let firstResult = 0;
  let ticksAtFirst = 0;
  let documentsAtFirst = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      cpuTicks = processTicks();
      mainTicks = ticks(readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, "utf8"));
      peakKib = Math.max(peakKib, kib(status, "VmHWM"));
      const rss = kib(status, "VmRSS") + workersRssKib();
      if (rss > 0) rssTimeline.push({ at: performance.now(), rss });
      if (firstResult === 0 && statSync(outputPath).size > 0) {
        firstResult = performance.now();
        ticksAtFirst = cpuTicks;
        documentsAtFirst = readFileSync(outputPath, "utf8").split("\n").length - 1;
      }
    } catch {
      // the process has just exited
    }
  }, SAMPLE_MS);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const finished = performance.now();
  clearInterval(sampler);
  const seconds = (finished - started) / 1000;
  const documents = await countLines(outputPath);
  const failed = stderr.split("\n").filter((line) => line.includes(": ") && !line.includes(" records, ")).length;
  if (status !== 0 && failed === 0) throw new Error(`gongwen exited with ${status}: ${stderr}`);
  const span = (rssTimeline.at(-1)?.at ?? 0) - (rssTimeline[0]?.at ?? 0);
  const rssByQuarterMb = [0.25, 0.5, 0.75, 1].map((share) => {
    const target = (rssTimeline[0]?.at ?? 0) + share * span;
    const sample = rssTimeline.find((point) => point.at >= target) ?? rssTimeline.at(-1);
    return Math.round((sample?.rss ?? 0) / 1024);
  });
  const steadySeconds = (finished - firstResult) / 1000;
  const cpuSeconds = cpuTicks / 100; // USER_HZ is 100 on Linux
  const mainCpuSeconds = mainTicks / 100;
  return {
    build: build.label,
    workers,
    documents,
    inputBytes: statSync(input).size,
    seconds,
    steadySeconds,
    cpuSeconds,
    mainCpuSeconds,
    steadyCpuSeconds: cpuSeconds - ticksAtFirst / 100,
    steadyDocuments: documents - documentsAtFirst,
    peakRssMb: Math.round((peakKib + [...workerPeakKib.values()].reduce((sum, k) => sum + k, 0)) / 1024),
    rssByQuarterMb,
    failed,
  };
}

const docsPerSecond = (result: Result) => result.documents / result.seconds;
const steadyRate = (result: Result) => result.steadyDocuments / result.steadySeconds;
const cpuMsPerDoc = (result: Result) => (1000 * result.cpuSeconds) / result.documents;
const mainMsPerDoc = (result: Result) => (1000 * result.mainCpuSeconds) / result.documents;

const steadyCpuMsPerDoc = (result: Result) => (1000 * result.steadyCpuSeconds) / result.steadyDocuments;

const scratch = mkdtempSync(join(tmpdir(), "gongwen-bench-io-"));
const sources = values.ref === undefined ? [buildWorkingTree()] : values.ref.map(buildRef);
const flagSets = (values["node-flags"] ?? []).map((flags) => flags.split(" ").filter((flag) => flag !== ""));
const flagged: Build[] =
  flagSets.length === 0
    ? sources
    : sources.flatMap((build) =>
        flagSets.map((nodeFlags) => ({ ...build, label: `${build.label}${nodeFlags.length > 0 ? ` ${nodeFlags.join(" ")}` : ""}`, nodeFlags })),
      );
const builds: Build[] =
  values.isolation === undefined
    ? flagged
    : flagged.flatMap((build) => values.isolation!.map((isolation) => ({ ...build, label: `${build.label} ${isolation}`, isolation })));
try {
  console.log(
    `gongwen tag --jsonl over ${limit === undefined ? "all of" : `the first ${limit} items of`} xwlb-items.jsonl ` +
      `(${(statSync(CORPUS).size / 1e6).toFixed(1)} MB), ${runs} run(s) per worker count, alternating; ` +
      `load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`,
  );
  const input = inputFile(scratch);
  const results: Result[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const build of builds) {
      for (const workers of workerCounts) {
        const result = await measure(build, workers, input, scratch);
        results.push(result);
        console.error(
          `  run ${run}, ${build.label}, ${workers} worker(s): ${result.seconds.toFixed(1)} s, ${docsPerSecond(result).toFixed(1)} docs/s, ` +
            `CPU ${cpuMsPerDoc(result).toFixed(2)} ms/doc (main thread ${mainMsPerDoc(result).toFixed(3)}; after the first result ` +
            `${steadyCpuMsPerDoc(result).toFixed(2)}), load ${loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
  }
  console.log("");
  console.log(
    "| build | workers | documents | failed | docs/s | MB/s | steady docs/s | CPU ms/doc | main thread ms/doc | CPU ms/doc after the first result | cores used | peak RSS (MB) | + per added worker (MB) | RSS at 25/50/75/100% (MB) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const speedUps: string[] = [];
  for (const build of builds) {
    const byWorkers = workerCounts.map((workers) => results.filter((result) => result.build === build.label && result.workers === workers));
    let previous: { workers: number; peakRssMb: number } | undefined;
    for (const [i, runsOf] of byWorkers.entries()) {
      const workers = workerCounts[i]!;
      const peakRssMb = median(runsOf.map((result) => result.peakRssMb));
      const perWorker = previous ? ((peakRssMb - previous.peakRssMb) / (workers - previous.workers)).toFixed(0) : "";
      const last = runsOf.at(-1)!;
      const of = (value: (result: Result) => number, digits: number) => median(runsOf.map(value)).toFixed(digits);
      console.log(
        `| ${build.label} | ${workers} | ${last.documents} | ${last.failed} | ${of(docsPerSecond, 1)} | ` +
          `${of((result) => result.inputBytes / 1e6 / result.seconds, 2)} | ${of(steadyRate, 1)} | ${of(cpuMsPerDoc, 2)} | ` +
          `${of(mainMsPerDoc, 3)} | ${of(steadyCpuMsPerDoc, 2)} | ${of((result) => result.cpuSeconds / result.seconds, 2)} | ` +
          `${peakRssMb} | ${perWorker} | ${last.rssByQuarterMb.join(" / ")} |`,
      );
      previous = { workers, peakRssMb };
    }
    const one = byWorkers[workerCounts.indexOf(1)];
    const two = byWorkers[workerCounts.indexOf(2)];
    if (one && two) {
      const ofMedians = median(two.map(docsPerSecond)) / median(one.map(docsPerSecond));
      const pairs = two.map((result, i) => docsPerSecond(result) / docsPerSecond(one[i]!));
      speedUps.push(
        `${build.label}: 2 workers vs 1 (docs/s, end to end): ${ofMedians.toFixed(2)}× as the ratio of the medians, ` +
          `${median(pairs).toFixed(2)}× as the median of the ${pairs.length} alternating pairs ` +
          `(${pairs.map((ratio) => ratio.toFixed(2)).join(", ")}); goal ≥ 1.80×: ${ofMedians >= 1.8 ? "met" : "NOT met"}`,
      );
    }
  }
  if (speedUps.length > 0) console.log(`\n${speedUps.join("\n")}`);
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (other processes share these cores)`);
} finally {
  for (const folder of [scratch, ...sources.map((build) => build.folder)]) rmSync(folder, { recursive: true, force: true });
}
