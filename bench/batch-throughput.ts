/**
 * Throughput of `gongwen tag --jsonl` over the CCTV news items (../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl,
 * 19,541 items, 33.7 MB), streamed through the built CLI with 1 worker and with 2, as separate processes.
 *
 * Prints documents/s, MB/s, the speed-up of 2 workers over 1, CPU time (all threads, and the main thread alone) and
 * the cores the run actually got (CPU time / wall time: below the worker count when other processes compete for
 * the cores, which caps the speed-up whatever gongwen does), and memory: the process's peak RSS (VmHWM), the
 * extra peak RSS each added worker costs (worker threads share one process, so that difference is the per-worker
 * figure), and RSS sampled at each quarter of the run (flat means memory is bounded: the file is streamed).
 *
 *   npx tsx bench/batch-throughput.ts                 # the whole file, 1 then 2 workers
 *   npx tsx bench/batch-throughput.ts --limit 3000    # the first 3,000 items
 *   npx tsx bench/batch-throughput.ts --workers 1,2,3
 */
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, copyFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl");
const SAMPLE_MS = 100;

const { values } = parseArgs({
  options: { limit: { type: "string" }, workers: { type: "string", default: "1,2" } },
});
const limit = values.limit === undefined ? undefined : Number(values.limit);
const workerCounts = values.workers.split(",").map(Number);

/** Builds the CLI into a temporary folder laid out like the installed package (dist/ beside dict/). */
function buildPackage(): string {
  const folder = mkdtempSync(join(tmpdir(), "gongwen-bench-"));
  copyFileSync(join(ROOT, "package.json"), join(folder, "package.json"));
  symlinkSync(join(ROOT, "dict"), join(folder, "dict"));
  symlinkSync(join(ROOT, "node_modules"), join(folder, "node_modules"));
  mkdirSync(join(folder, "dist"));
  const build = spawnSync("npx", ["tsup", "--out-dir", join(folder, "dist"), "--no-dts", "--silent"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  return folder;
}

/** The first `limit` lines of the corpus (or all of it), streamed: never read whole. */
async function* corpusLines(): AsyncGenerator<Buffer> {
  if (limit === undefined) {
    yield* createReadStream(CORPUS, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
    return;
  }
  let left = limit;
  for await (const chunk of createReadStream(CORPUS, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let cut = 0;
    while (left > 0 && cut < chunk.length) {
      const newline = chunk.indexOf(10, cut);
      if (newline === -1) {
        cut = chunk.length;
        break;
      }
      cut = newline + 1;
      left -= 1;
    }
    yield chunk.subarray(0, cut);
    if (left === 0) return;
  }
}

const kib = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);

interface Result {
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
  peakRssMb: number;
  rssByQuarterMb: number[];
  failed: number;
}

async function measure(cli: string, workers: number): Promise<Result> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, "tag", "--jsonl", "-", "-c", String(workers), "-q"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let peakKib = 0;
  let cpuTicks = 0;
  let mainTicks = 0;
  // utime and stime are fields 14 and 15 of a stat line, counted after the parenthesised command name
  const ticks = (stat: string) => {
    const fields = stat.split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  };
  const rssTimeline: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      cpuTicks = ticks(readFileSync(`/proc/${child.pid}/stat`, "utf8"));
      mainTicks = ticks(readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, "utf8"));
      peakKib = Math.max(peakKib, kib(status, "VmHWM"));
      const rss = kib(status, "VmRSS");
      if (rss > 0) rssTimeline.push({ at: performance.now(), rss });
    } catch {
      // the process has just exited
    }
  }, SAMPLE_MS);
  let inputBytes = 0;
  const input = Readable.from(
    (async function* () {
      for await (const chunk of corpusLines()) {
        inputBytes += chunk.length;
        yield chunk;
      }
    })(),
  );
  input.pipe(child.stdin);
  let documents = 0;
  let firstResult = 0;
  let lastResult = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) documents += 1;
    lastResult = performance.now();
    firstResult ||= lastResult;
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const failed = stderr.split("\n").filter((line) => line.includes(": ") && !line.includes(" records, ")).length;
  if (status !== 0 && failed === 0) throw new Error(`gongwen exited with ${status}: ${stderr}`);
  const span = (rssTimeline.at(-1)?.at ?? 0) - (rssTimeline[0]?.at ?? 0);
  const rssByQuarterMb = [0.25, 0.5, 0.75, 1].map((share) => {
    const target = (rssTimeline[0]?.at ?? 0) + share * span;
    const sample = rssTimeline.find((point) => point.at >= target) ?? rssTimeline.at(-1);
    return Math.round((sample?.rss ?? 0) / 1024);
  });
  const steadySeconds = (lastResult - firstResult) / 1000;
  const cpuSeconds = cpuTicks / 100; // USER_HZ is 100 on Linux
  const mainCpuSeconds = mainTicks / 100;
  return { workers, documents, inputBytes, seconds, steadySeconds, cpuSeconds, mainCpuSeconds, peakRssMb: Math.round(peakKib / 1024), rssByQuarterMb, failed };
}

const packageFolder = buildPackage();
try {
  const cli = join(packageFolder, "dist/cli.js");
  console.log(
    `gongwen tag --jsonl over ${limit === undefined ? "all of" : `the first ${limit} items of`} xwlb-items.jsonl ` +
      `(${(statSync(CORPUS).size / 1e6).toFixed(1)} MB); load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`,
  );
  const results: Result[] = [];
  for (const workers of workerCounts) {
    const result = await measure(cli, workers);
    results.push(result);
    console.error(`  ${workers} worker(s) done in ${result.seconds.toFixed(1)} s`);
  }
  const base = results[0]!;
  console.log("");
  console.log(
    "| workers | documents | failed | seconds | docs/s | MB/s | speed-up | steady docs/s | steady speed-up | CPU s (main thread) | cores used | peak RSS (MB) | + per added worker (MB) | RSS at 25/50/75/100% (MB) |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const steadyRate = (result: Result) => (result.documents - 1) / result.steadySeconds;
  for (const [i, result] of results.entries()) {
    const docsPerSecond = result.documents / result.seconds;
    const previous = results[i - 1];
    const perWorker = previous
      ? ((result.peakRssMb - previous.peakRssMb) / (result.workers - previous.workers)).toFixed(0)
      : "";
    console.log(
      `| ${result.workers} | ${result.documents} | ${result.failed} | ${result.seconds.toFixed(1)} | ${docsPerSecond.toFixed(1)} | ` +
        `${(result.inputBytes / 1e6 / result.seconds).toFixed(2)} | ${(base.seconds / result.seconds).toFixed(2)}× | ` +
        `${steadyRate(result).toFixed(1)} | ${(steadyRate(result) / steadyRate(base)).toFixed(2)}× | ${result.cpuSeconds.toFixed(1)} (${result.mainCpuSeconds.toFixed(1)}) | ` +
        `${(result.cpuSeconds / result.seconds).toFixed(2)} | ` +
        `${result.peakRssMb} | ${perWorker} | ${result.rssByQuarterMb.join(" / ")} |`,
    );
  }
  const two = results.find((result) => result.workers === 2);
  if (two && base.workers === 1) {
    const speedup = base.seconds / two.seconds;
    console.log(`\n2 workers vs 1, end to end: ${speedup.toFixed(2)}× (goal ≥ 1.80×): ${speedup >= 1.8 ? "met" : "NOT met"}`);
  }
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (other processes share these cores)`);
} finally {
  rmSync(packageFolder, { recursive: true, force: true });
}
