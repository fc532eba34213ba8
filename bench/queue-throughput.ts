/**
 * Throughput and overhead of the BullMQ tagging queue (gongwen/queue) on a private redis-server, beside local
 * tagging of the same items: the first 2,000 CCTV news items of ../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl.
 *
 * Every side is measured warm, as a long-running service is: it first tags the same items once per worker, untimed,
 * so that each worker of two has tagged as many items as one worker alone (V8 compiles a worker's hot code over its
 * first few thousand items: warmed on half as many, two workers were timed while still compiling).
 * 1. Throughput: tag() in this process, one item after another; the local worker pool (tagMany) with 1 and 2
 *    threads; 1 (then 2) queue worker processes (the built `gongwen worker`: `npm run build` first) on the
 *    items in bundles (32 articles per job by default). The jobs are enqueued into a paused queue, the queue is
 *    resumed, and the run is timed from the first job taken to the last one finished (BullMQ's processedOn and
 *    finishedOn), so neither enqueueing nor wake-up latency is counted. The worker counts take turns for `--rounds`
 *    rounds (a run of 2,000 items lasts a few seconds, and the machine's speed drifts between runs); the speed-up
 *    is the median of the alternating pairs' ratios.
 * 2. Overhead: the CPU a worker process spends outside tag(), per article: its CPU time (all threads, from /proc)
 *    minus the CPU time of a baseline process that only calls tag() on the same articles (this script started
 *    again with --tag-process: a fresh process with a heap as small as the worker's, so that neither side pays for
 *    a bigger heap's garbage collection). On a shared machine CPU time per article drifts with other people's load,
 *    so both sides tag the same block of 256 articles at the same time, each warmed on a few articles first, and
 *    the blocks are summed: whatever else runs on the machine weighs on both alike. Run on all items in bundles, on
 *    all items one article per job (which splits the queue's cost into a part per job and a part per article), and
 *    on the typical 1–2 KB items in bundles (`--rounds` times: the median is the figure). Redis's CPU (INFO cpu) is
 *    printed beside it. The worker's CPU is also
 *    split by thread: the main thread that talks to Redis, the tagging thread, and the rest (mostly V8's garbage
 *    collector).
 * Goals: queue overhead ≤ 10% of tagging time for a 1–2 KB item; 2 worker processes ≥ 1.7× one (on a quiet machine).
 *
 *   npx tsx bench/queue-throughput.ts                  # 2,000 items, 3 rounds
 *   npx tsx bench/queue-throughput.ts --limit 500 --workers 1,2,3 --bundle-size 16
 *   npx tsx bench/queue-throughput.ts --isolation process   # `gongwen worker --isolation process`
 *
 * With `--isolation process` a worker's tagging runs in its child process: its CPU, threads and peak RSS are those
 * of the worker and its child together (the child's main thread is then the tagging thread).
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Queue } from "bullmq";
import { BATCH_V8_FLAGS } from "../src/batch/tiering.js";
import { DEFAULT_BUNDLE_LIMITS, enqueueDocuments, queueOptions, readResults } from "../src/queue/index.js";
import { median } from "./lib/data.js";
import { firstItems, spawnWorker, waitFor, type NewsItem, type WorkerProcess } from "../test/helpers/queue.js";
import { redisServerAvailable, startRedis, type RedisServer } from "../test/helpers/redis.js";

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "2000" },
    workers: { type: "string", default: "1,2" },
    "bundle-size": { type: "string", default: String(DEFAULT_BUNDLE_LIMITS.articles) },
    rounds: { type: "string", default: "3" },
    "tag-process": { type: "boolean", default: false },
    isolation: { type: "string" },
  },
});
const limit = Number(values.limit);
const workerCounts = values.workers.split(",").map(Number);
const bundleSize = Number(values["bundle-size"]);
const rounds = Number(values.rounds);
const isolation = values.isolation as "thread" | "process" | undefined;

// Everything that tags runs the built package, as users run it (`gongwen worker`, `import "gongwen"`); this script
// itself runs under tsx, whose loader would otherwise run gongwen from its TypeScript sources.
const BUILT_CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const BUILT_INDEX = new URL("../dist/index.js", import.meta.url);
if (!existsSync(BUILT_CLI)) throw new Error("dist/ is missing: run `npm run build` first");
const { createPool, tag, tagMany } = (await import(BUILT_INDEX.href)) as typeof import("../src/index.js");

/** CPU ms by thread kind, summed over the worker processes. */
interface ThreadCpu {
  main: number;
  tagging: number;
  other: number;
}

interface Row {
  label: string;
  docs: number;
  /** Jobs the documents travelled in (queue runs). */
  jobs?: number;
  wallMs: number;
  /** CPU of the process(es) doing the tagging. */
  cpuMs: number;
  threads?: ThreadCpu;
  redisCpuMs?: number;
  peakRssMb?: number;
}

/** The run with the median throughput (the upper middle one of an even count). */
const medianRun = (runs: QueueRun[]): QueueRun =>
  [...runs].sort((a, b) => wallPerDoc(b.row) - wallPerDoc(a.row))[Math.floor(runs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const wallPerDoc = (row: Row) => row.wallMs / row.docs;
const cpuPerDoc = (row: Row) => row.cpuMs / row.docs;
const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** A process and its child processes (a worker's tagging processes with `--isolation process`). */
const processTree = (pid: number): number[] => [
  pid,
  ...readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number),
  ),
];

/** CPU time so far (user + system, in ms) of each thread of a process and its children, by thread id. */
function threadCpuMs(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  for (const process of processTree(pid)) {
    for (const tid of readdirSync(`/proc/${process}/task`)) {
      const fields = readFileSync(`/proc/${process}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      threads.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // utime, stime in ticks (USER_HZ = 100)
    }
  }
  return threads;
}

/**
 * Splits a worker process's CPU between two snapshots: its main thread (thread id = pid), its tagging threads
 * (the `tagging` busiest others: nodejieba and tag() keep them far busier than any helper) and the rest.
 */
function splitCpu(pid: number, before: Map<number, number>, after: Map<number, number>, tagging: number): ThreadCpu {
  const deltas = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  const main = deltas.find((thread) => thread.tid === pid)?.ms ?? 0;
  const others = deltas.filter((thread) => thread.tid !== pid).sort((a, b) => b.ms - a.ms);
  const taggingMs = others.slice(0, tagging).reduce((sum, thread) => sum + thread.ms, 0);
  const otherMs = others.slice(tagging).reduce((sum, thread) => sum + thread.ms, 0);
  return { main, tagging: taggingMs, other: otherMs };
}

/** Peak resident memory of a process and its children (each one's VmHWM, summed), in MB. */
function peakRssMb(pid: number): number {
  return processTree(pid).reduce((sum, process) => {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${process}/status`, "utf8"));
    return sum + (match ? Number(match[1]) / 1024 : Number.NaN);
  }, 0);
}

/** Redis's memory in use, in bytes. */
async function redisMemory(redis: RedisServer): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.command("INFO memory"))?.[1] ?? Number.NaN);
}

/** Redis's own CPU time so far (user + system), in ms. */
async function redisCpuMs(redis: RedisServer): Promise<number> {
  const info = await redis.command("INFO cpu");
  const seconds = (field: string) => Number(new RegExp(`${field}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (seconds("used_cpu_user") + seconds("used_cpu_sys")) * 1000;
}

/** A block for the baseline process: tag `warmUp` texts untimed, then all of `texts`. */
interface TagBlock {
  warmUp: string[];
  texts: string[];
}

/**
 * The baseline process (this script with --tag-process): tags each block it is sent and says when it is done, its
 * CPU read from /proc by the parent around the timed part only.
 */
function serveTagBlocks(): void {
  let block: TagBlock | undefined;
  process.on("message", (message: TagBlock | "go") => {
    if (message !== "go") {
      block = message;
      for (const text of block.warmUp) tag(text);
      process.send!("warm");
      return;
    }
    for (const text of block!.texts) tag(text);
    process.send!("done");
  });
  process.send!("ready");
}

/** The baseline process, started and driven from the parent. */
class TagProcess {
  private constructor(private readonly child: ChildProcess) {}

  /**
   * Starts the process and warms it up on `items` (as the worker processes were), under the V8 flags the worker's
   * CLI sets (src/batch/tiering.ts), so that the difference is the queue's and not V8's.
   */
  static async start(items: NewsItem[]): Promise<TagProcess> {
    const child = fork(new URL(import.meta.url).pathname, ["--tag-process"], { execArgv: [...BATCH_V8_FLAGS, "--import", "tsx"] });
    await TagProcess.reply(child);
    const process = new TagProcess(child);
    await process.load(items.map((item) => item.text), items.length);
    return process;
  }

  private static reply(child: ChildProcess): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`tag process exited (${code})`));
      child.once("exit", exited);
      child.once("message", (message) => {
        child.off("exit", exited);
        resolve(message);
      });
    });
  }

  /** Sends a block and waits until its first `warmUp` texts are tagged, untimed. */
  async load(texts: string[], warmUp: number): Promise<void> {
    this.child.send({ warmUp: texts.slice(0, warmUp), texts } satisfies TagBlock);
    await TagProcess.reply(this.child);
  }

  /** Tags the block loaded; returns its CPU, by thread (main = tag(), other = V8's helpers). */
  async run(): Promise<ThreadCpu> {
    const pid = this.child.pid!;
    const before = threadCpuMs(pid);
    this.child.send("go");
    await TagProcess.reply(this.child);
    return splitCpu(pid, before, threadCpuMs(pid), 0);
  }

  stop(): void {
    this.child.kill();
  }
}

/** tag() on each item in this process, after a warm-up round. */
function timeLocal(label: string, items: NewsItem[]): Row {
  for (const item of items) tag(item.text);
  const cpu = ownCpuMs();
  const start = performance.now();
  for (const item of items) tag(item.text);
  return { label, docs: items.length, wallMs: performance.now() - start, cpuMs: ownCpuMs() - cpu };
}

async function timePool(items: NewsItem[], concurrency: number): Promise<Row> {
  const pool = createPool({ concurrency });
  try {
    for (let round = 0; round < concurrency; round++) for await (const _ of tagMany(items, { pool })) void _; // warm-up
    const cpu = ownCpuMs();
    const start = performance.now();
    let docs = 0;
    for await (const _ of tagMany(items, { pool })) docs += 1;
    const label = `local worker pool, ${concurrency} thread${concurrency > 1 ? "s" : ""}`;
    return { label, docs, wallMs: performance.now() - start, cpuMs: ownCpuMs() - cpu };
  } finally {
    await pool.close();
  }
}

interface QueueRun {
  row: Row;
  enqueueMs: number;
  drainMs: number;
  /** Redis memory per article whose result is not read yet. */
  memoryPerDoc: number;
}

/** Worker processes on one queue, warmed up once and then timed on several runs. */
class QueueBench {
  private constructor(
    private readonly redis: RedisServer,
    private readonly queue: Queue,
    private readonly workers: WorkerProcess[],
  ) {}

  static async start(redis: RedisServer, count: number): Promise<QueueBench> {
    const name = `bench-${count}-workers`;
    const queue = new Queue(name, queueOptions(redis.url));
    const workers = Array.from({ length: count }, (_, i) =>
      spawnWorker({ redisUrl: redis.url, queue: name, name: `${name}-${i}`, program: BUILT_CLI, ...(isolation ? { isolation } : {}) }),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    return new QueueBench(redis, queue, workers);
  }

  /** Runs `items` through the queue until all are finished, then reads and removes the results. */
  private async runThrough(items: NewsItem[], idPrefix: string, articlesPerJob: number) {
    const { queue, redis } = this;
    const memoryBefore = await redisMemory(redis);
    await queue.pause();
    const enqueueStart = performance.now();
    const documents = items.map((item) => ({ ...item, id: `${idPrefix}${item.id}` }));
    const { jobs, added } = await enqueueDocuments(documents, { queue, bundleSize: articlesPerJob });
    if (added !== items.length) throw new Error(`${added} of ${items.length} articles enqueued`);
    const enqueueMs = performance.now() - enqueueStart;
    await queue.resume();
    await waitFor(async () => (await queue.getCompletedCount()) >= jobs, `${jobs} jobs`, 1_200_000, 25);
    const finished = await queue.getJobs(["completed"], 0, -1);
    const first = Math.min(...finished.map((job) => job.processedOn!));
    const last = Math.max(...finished.map((job) => job.finishedOn!));
    const memoryPerDoc = ((await redisMemory(redis)) - memoryBefore) / items.length;
    return { jobs, spanMs: last - first, enqueueMs, memoryPerDoc };
  }

  private async drain(docs: number): Promise<number> {
    const start = performance.now();
    let read = 0;
    for await (const result of readResults({ queue: this.queue })) read += "tags" in result ? 1 : 0;
    if (read !== docs) throw new Error(`${read} tagged results for ${docs} articles`);
    return performance.now() - start;
  }

  /** Runs items through untimed (the whole set once at start; a few before each timed block, to warm caches). */
  async warmUp(items: NewsItem[], idPrefix = "warm-up-", articlesPerJob = bundleSize): Promise<void> {
    await this.runThrough(items, idPrefix, articlesPerJob);
    await this.drain(items.length);
  }

  async time(label: string, items: NewsItem[], articlesPerJob: number, idPrefix: string): Promise<QueueRun> {
    const pids = this.workers.map((worker) => worker.child.pid!);
    const threadsBefore = pids.map(threadCpuMs);
    const redisBefore = await redisCpuMs(this.redis);
    const { jobs, spanMs, enqueueMs, memoryPerDoc } = await this.runThrough(items, idPrefix, articlesPerJob);
    // Read before the results are drained: the drain is the reader's cost, not the workers' or the queue's.
    const redisCpu = (await redisCpuMs(this.redis)) - redisBefore;
    const threads = pids
      .map((pid, i) => splitCpu(pid, threadsBefore[i]!, threadCpuMs(pid), 1))
      .reduce((sum, cpu) => ({ main: sum.main + cpu.main, tagging: sum.tagging + cpu.tagging, other: sum.other + cpu.other }));
    const drainMs = await this.drain(items.length);
    const row: Row = {
      label,
      docs: items.length,
      jobs,
      wallMs: spanMs,
      cpuMs: threads.main + threads.tagging + threads.other,
      threads,
      redisCpuMs: redisCpu,
      peakRssMb: Math.max(...pids.map(peakRssMb)),
    };
    return { row, enqueueMs, drainMs, memoryPerDoc };
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) worker.child.kill("SIGTERM");
    await Promise.all(this.workers.map((worker) => worker.exited));
    await this.queue.obliterate({ force: true });
    await this.queue.close();
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "es"}`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const percent = (part: number, whole: number) => `${fixed((100 * part) / whole, 1)}%`;
const addThreads = (a: ThreadCpu, b: ThreadCpu): ThreadCpu => ({
  main: a.main + b.main,
  tagging: a.tagging + b.tagging,
  other: a.other + b.other,
});

/** CPU of a worker process beside the baseline process's tag() on the same blocks at the same time, summed. */
interface Overhead {
  label: string;
  docs: number;
  jobs: number;
  /** tag() in the baseline process, ms (all threads), and split: its main thread, the rest (V8's helpers). */
  localCpuMs: number;
  local: ThreadCpu;
  worker: ThreadCpu;
  redisCpuMs: number;
}

const BLOCK = 256;
/** Articles run untimed before each timed block, on each side, so that neither starts with cold caches. */
const BLOCK_WARM_UP = 32;

async function measureOverhead(
  bench: QueueBench,
  baseline: TagProcess,
  label: string,
  items: NewsItem[],
  articlesPerJob: number,
): Promise<Overhead> {
  const none = { main: 0, tagging: 0, other: 0 };
  const sum: Overhead = { label, docs: 0, jobs: 0, localCpuMs: 0, local: none, worker: none, redisCpuMs: 0 };
  const prefix = label.replace(/\W+/g, "-");
  for (let start = 0; start < items.length; start += BLOCK) {
    const block = items.slice(start, start + BLOCK);
    await baseline.load(block.map((item) => item.text), BLOCK_WARM_UP);
    await bench.warmUp(block.slice(0, BLOCK_WARM_UP), `${prefix}-warm-${start}-`, articlesPerJob);
    const [local, { row }] = await Promise.all([baseline.run(), bench.time(label, block, articlesPerJob, `${prefix}-${start}-`)]);
    sum.localCpuMs += local.main + local.other;
    sum.local = addThreads(sum.local, local);
    sum.docs += row.docs;
    sum.jobs += row.jobs!;
    sum.worker = addThreads(sum.worker, row.threads!);
    sum.redisCpuMs += row.redisCpuMs!;
  }
  return sum;
}

const workerCpu = (o: Overhead) => o.worker.main + o.worker.tagging + o.worker.other;
/** The queue's CPU per article outside tag(): the worker process's, and with Redis's. */
const outside = (o: Overhead) => (workerCpu(o) - o.localCpuMs) / o.docs;
const outsideWithRedis = (o: Overhead) => outside(o) + o.redisCpuMs / o.docs;
/**
 * The same share from ratios inside each process, which other people's load moves far less than CPU time itself:
 * (worker CPU / its tagging thread's) against (the baseline's CPU / its main thread's), minus 1. It leaves out what the
 * tagging thread does besides tag() (reading the texts, writing the tags as JSON), so it reads a little low.
 */
const ratioShare = (o: Overhead) =>
  workerCpu(o) / o.worker.tagging / ((o.local.main + o.local.other) / o.local.main) - 1;

async function main() {
  if (!redisServerAvailable) {
    console.error("redis-server not found (apt-get install -y redis-server): nothing measured");
    process.exitCode = 1;
    return;
  }
  const items = await firstItems(limit);
  const typical = items.filter((item) => {
    const bytes = Buffer.byteLength(item.text);
    return bytes >= 1024 && bytes <= 2048;
  });
  const chars = items.reduce((sum, item) => sum + item.text.length, 0);
  console.log(
    `# gongwen/queue throughput: ${items.length} xwlb news items (${(chars / items.length).toFixed(0)} characters on average; ` +
      `${typical.length} of them 1–2 KB), bundles of ${bundleSize}, each side warm; load average before: ${load()}\n`,
  );

  const rows: Row[] = [timeLocal("local tag(), this process", items), await timePool(items, 1), await timePool(items, 2)];
  const redis = await startRedis();
  const label = (count: number) =>
    `queue, ${plural(count, "worker process")}${isolation ? ` (tagging ${isolation === "process" ? "processes" : "threads"})` : ""}, bundles of ${bundleSize}`;
  /** The timed runs of each worker count, in round order. */
  const bundled = new Map<number, QueueRun[]>(workerCounts.map((count) => [count, []]));
  const overheads: Overhead[] = [];
  const benches = new Map<number, QueueBench>();
  try {
    for (const count of workerCounts) {
      const bench = await QueueBench.start(redis, count);
      benches.set(count, bench);
      for (let round = 0; round < count; round++) await bench.warmUp(items, `warm-up-${round}-`);
    }
    // The worker counts take turns, round after round, so that a change in the machine's speed hits each alike;
    // the workers of the other counts wait idle on their own queues meanwhile.
    for (let round = 0; round < rounds; round++) {
      for (const count of workerCounts) {
        const run = await benches.get(count)!.time(label(count), items, bundleSize, `bundled-${round}-`);
        bundled.get(count)!.push(run);
        console.log(`  round ${round + 1}, ${label(count)}: ${fixed((1000 * run.row.docs) / run.row.wallMs, 1)} docs/s`);
      }
    }
    const bench = benches.get(1);
    if (bench) {
      const baseline = await TagProcess.start(items);
      try {
        const measure = (label: string, run: NewsItem[], articlesPerJob: number) =>
          measureOverhead(bench, baseline, label, run, articlesPerJob);
        overheads.push(await measure(`bundles of ${bundleSize}, all items`, items, bundleSize));
        overheads.push(await measure("1 article per job, all items", items, 1));
        for (let round = 0; round < rounds; round++) {
          overheads.push(await measure(`bundles of ${bundleSize}, 1–2 KB items, round ${round + 1}`, typical, bundleSize));
        }
      } finally {
        baseline.stop();
      }
    }
  } finally {
    for (const bench of benches.values()) await bench.stop();
    await redis.stop();
  }

  console.log("## Throughput\n");
  console.log("| run | docs (jobs) | docs/s | wall ms/doc | CPU ms/doc | main · tagging · other threads | Redis CPU ms/doc | peak RSS per worker |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of [...rows, ...[...bundled.values()].map((runs) => medianRun(runs).row)]) {
    const t = row.threads;
    const split = t ? `${fixed(t.main / row.docs)} · ${fixed(t.tagging / row.docs)} · ${fixed(t.other / row.docs)}` : "";
    const redisPart = row.redisCpuMs === undefined ? "" : fixed(row.redisCpuMs / row.docs, 3);
    const rss = row.peakRssMb === undefined ? "" : `${row.peakRssMb.toFixed(0)} MB`;
    console.log(
      `| ${row.label} | ${row.docs}${row.jobs === undefined ? "" : ` (${row.jobs})`} | ${fixed((1000 * row.docs) / row.wallMs, 1)} | ` +
        `${fixed(wallPerDoc(row))} | ${fixed(cpuPerDoc(row))} | ${split} | ${redisPart} | ${rss} |`,
    );
  }
  const ones = bundled.get(1) ?? [];
  const twos = bundled.get(2) ?? [];
  if (ones.length > 0 && twos.length > 0) {
    const pairs = ones.map((one, i) => wallPerDoc(one.row) / wallPerDoc(twos[i]!.row));
    const ofMedians = wallPerDoc(medianRun(ones).row) / wallPerDoc(medianRun(twos).row);
    const speedup = median(pairs);
    console.log(
      `\n2 worker processes vs 1 (wall, bundles): ${fixed(ofMedians)}× as the ratio of the medians, ${fixed(speedup)}× as the ` +
        `median of the ${pairs.length} alternating pairs (${pairs.map((pair) => fixed(pair)).join(", ")}); ` +
        `goal ≥ 1.70× (on a quiet machine): ${speedup >= 1.7 ? "met" : "NOT met"}`,
    );
  }
  if (ones.length > 0) {
    const one = medianRun(ones);
    console.log(
      `enqueue (claims + addBulk, 1,024 articles per round trip): ${fixed((1000 * one.row.docs) / one.enqueueMs, 0)} articles/s; ` +
        `results read and removed: ${fixed((1000 * one.row.docs) / one.drainMs, 0)} articles/s; ` +
        `Redis memory per tagged article not yet read: ${fixed(one.memoryPerDoc / 1024, 1)} KB`,
    );
  }

  console.log(
    `\n## Queue overhead: CPU per article outside tag(), one worker process beside a process that only tags, ` +
      `both on the same blocks of ${BLOCK} at the same time\n`,
  );
  console.log(
    "| run | articles (jobs) | tag() alone (main · other threads) | worker process | main · tagging · other threads | " +
      "outside tag() | same, from thread ratios | Redis | outside tag() + Redis |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const o of overheads) {
    const tagMs = o.localCpuMs / o.docs;
    const w = o.worker;
    console.log(
      `| ${o.label} | ${o.docs} (${o.jobs}) | ${fixed(tagMs)} ms (${fixed(o.local.main / o.docs)} · ${fixed(o.local.other / o.docs)}) | ` +
        `${fixed(workerCpu(o) / o.docs)} ms | ${fixed(w.main / o.docs)} · ${fixed(w.tagging / o.docs)} · ${fixed(w.other / o.docs)} | ` +
        `${fixed(outside(o), 3)} ms (${percent(outside(o), tagMs)}) | ${fixed(ratioShare(o) * tagMs, 3)} ms (${fixed(100 * ratioShare(o), 1)}%) | ` +
        `${fixed(o.redisCpuMs / o.docs, 3)} ms | ` +
        `${fixed(outsideWithRedis(o), 3)} ms (${percent(outsideWithRedis(o), tagMs)}) |`,
    );
  }
  const [inBundles, single, ...typicalRuns] = overheads;
  if (inBundles && single) {
    // Overhead per article = a per-article part + a per-job part / articles per job, in both runs: two equations.
    const jobShare = (o: Overhead) => o.jobs / o.docs;
    const perJob = (outsideWithRedis(single) - outsideWithRedis(inBundles)) / (jobShare(single) - jobShare(inBundles));
    const perArticle = outsideWithRedis(inBundles) - perJob * jobShare(inBundles);
    console.log(
      `\nsplit (worker + Redis CPU): ${fixed(perJob)} ms per job + ${fixed(perArticle, 3)} ms per article; ` +
        `in bundles of ${fixed(1 / jobShare(inBundles), 1)} articles the per-job part is ${fixed(perJob * jobShare(inBundles), 3)} ms per article`,
    );
  }
  if (typicalRuns.length > 0) {
    const shares = typicalRuns.map((o) => (100 * outside(o) * o.docs) / o.localCpuMs);
    const share = median(shares);
    console.log(
      `goal ≤ 10% for 1–2 KB items (worker CPU outside tag(), bundles): ${share <= 10 ? "met" : "NOT met"} ` +
        `(median of ${shares.length} rounds ${fixed(share, 1)}%: ${shares.map((x) => fixed(x, 1)).join(", ")}; ` +
        `from thread ratios ${typicalRuns.map((o) => fixed(100 * ratioShare(o), 1)).join(", ")}%)`,
    );
  }
  console.log(`load average after: ${load()} (other processes share these cores)`);
}

if (values["tag-process"]) serveTagBlocks();
else await main();
