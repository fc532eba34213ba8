/**
 * Throughput of the BullMQ tagging queue (gongwen/queue) on a private redis-server, beside local tagging of the
 * same items: the first 2,000 CCTV news items of ../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl.
 *
 * Every side is measured warm, as a long-running service is: it first tags the same items once, untimed.
 * - local: tag() in this process, one item after another; the local worker pool (tagMany) with 1 and 2 threads.
 * - queue: 1 (then 2) worker processes (`gongwen worker`'s code path, test/helpers/queue-worker.ts). The jobs are
 *   enqueued into a paused queue, the queue is resumed, and the run is timed from the first job taken to the last
 *   one finished (BullMQ's processedOn/finishedOn), so neither enqueueing nor wake-up latency is counted.
 * - CPU: each process's own CPU time (all its threads, from /proc) and Redis's (INFO cpu), per document. Wall times
 *   on a shared machine move with other people's load; CPU per document does not, so both are printed.
 * - per-job queue overhead: one queue worker's wall ms/doc minus local ms/doc, and the extra CPU per job (worker
 *   process plus Redis), as a share of tagging, for all items and for the typical 1–2 KB item (UTF-8 size).
 * Goals: 2 worker processes ≥ 1.7× one; queue overhead ≤ 10% of tagging time for a 1–2 KB item.
 *
 *   npx tsx bench/queue-throughput.ts                  # 2,000 items, 1 then 2 workers
 *   npx tsx bench/queue-throughput.ts --limit 500 --workers 1,2,3
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Queue } from "bullmq";
import { createPool, tagMany } from "../src/batch/index.js";
import { enqueueDocuments, readResults } from "../src/queue/index.js";
import { tag } from "../src/tag/index.js";
import { firstItems, spawnWorker, waitFor, type NewsItem } from "../test/helpers/queue.js";
import { redisServerAvailable, startRedis, type RedisServer } from "../test/helpers/redis.js";

const { values } = parseArgs({
  options: { limit: { type: "string", default: "2000" }, workers: { type: "string", default: "1,2" } },
});
const limit = Number(values.limit);
const workerCounts = values.workers.split(",").map(Number);

interface Row {
  label: string;
  docs: number;
  wallMs: number;
  /** CPU of the process(es) doing the tagging. */
  cpuMs: number;
  redisCpuMs?: number;
  peakRssMb?: number;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const wallPerDoc = (row: Row) => row.wallMs / row.docs;
const cpuPerDoc = (row: Row) => (row.cpuMs + (row.redisCpuMs ?? 0)) / row.docs;
const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** A process's CPU time so far (all threads, user + system), in ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
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

function timeLocal(label: string, items: NewsItem[]): Row {
  for (const item of items) tag(item.text); // warm-up round
  const cpu = ownCpuMs();
  const start = performance.now();
  for (const item of items) tag(item.text);
  return { label, docs: items.length, wallMs: performance.now() - start, cpuMs: ownCpuMs() - cpu };
}

async function timePool(items: NewsItem[], concurrency: number): Promise<Row> {
  const pool = createPool({ concurrency });
  try {
    for await (const _ of tagMany(items, { pool })) void _; // warm-up round
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

/** Runs `items` through a queue until all are completed, then removes them; returns the completed jobs' span. */
async function runThrough(redis: RedisServer, queue: Queue, items: NewsItem[], idPrefix: string) {
  const memoryBefore = await redisMemory(redis);
  await queue.pause();
  const enqueueStart = performance.now();
  await enqueueDocuments(items.map((item) => ({ ...item, id: `${idPrefix}${item.id}` })), { queue });
  const enqueueMs = performance.now() - enqueueStart;
  await queue.resume();
  await waitFor(async () => (await queue.getCompletedCount()) >= items.length, `${items.length} jobs`, 600_000, 25);
  const jobs = await queue.getJobs(["completed"], 0, -1);
  const first = Math.min(...jobs.map((job) => job.processedOn!));
  const last = Math.max(...jobs.map((job) => job.finishedOn!));
  const memoryPerJob = ((await redisMemory(redis)) - memoryBefore) / items.length;
  const drainStart = performance.now();
  let drained = 0;
  for await (const _ of readResults({ queue })) drained += 1;
  const drainMs = performance.now() - drainStart;
  if (drained !== items.length) throw new Error(`${drained} results for ${items.length} jobs`);
  return { spanMs: last - first, enqueueMs, drainMs, memoryPerJob };
}

/** `warmUp` items go through first, untimed (the timed run may be a small subset: the workers get as warm). */
async function timeQueue(redis: RedisServer, items: NewsItem[], workers: number, label: string, warmUp = items) {
  const name = `bench-${label.replace(/\W+/g, "-")}`;
  const queue = new Queue(name, { connection: { url: redis.url } });
  const running = Array.from({ length: workers }, (_, i) =>
    spawnWorker({ redisUrl: redis.url, queue: name, name: `${name}-${i}` }),
  );
  try {
    await Promise.all(running.map((worker) => worker.ready));
    await runThrough(redis, queue, warmUp, "warm-up-");
    const cpuBefore = running.map((worker) => processCpuMs(worker.child.pid!));
    const redisBefore = await redisCpuMs(redis);
    const { spanMs, enqueueMs, drainMs, memoryPerJob } = await runThrough(redis, queue, items, "");
    // The drain ran after the last job: Redis CPU is read before it, worker CPU is idle by then.
    const redisCpu = (await redisCpuMs(redis)) - redisBefore;
    const cpu = running.reduce((sum, worker, i) => sum + processCpuMs(worker.child.pid!) - cpuBefore[i]!, 0);
    const peak = Math.max(...running.map((worker) => peakRssMb(worker.child.pid!)));
    const row: Row = { label, docs: items.length, wallMs: spanMs, cpuMs: cpu, redisCpuMs: redisCpu, peakRssMb: peak };
    return { row, enqueueMs, drainMs, memoryPerJob };
  } finally {
    for (const worker of running) worker.child.kill("SIGTERM");
    await Promise.all(running.map((worker) => worker.exited));
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

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
      `${typical.length} of them 1–2 KB), each side warm; load average before: ${load()}\n`,
  );

  const local = timeLocal("local tag(), this process", items);
  const localTypical = timeLocal("local tag(), 1–2 KB items", typical);
  const rows: Row[] = [local, await timePool(items, 1), await timePool(items, 2)];

  const redis = await startRedis();
  const queueRuns: ({ workers: number } & Awaited<ReturnType<typeof timeQueue>>)[] = [];
  let typicalRun: Awaited<ReturnType<typeof timeQueue>>;
  try {
    for (const workers of workerCounts) {
      const run = await timeQueue(redis, items, workers, `queue, ${workers} worker process${workers > 1 ? "es" : ""}`);
      queueRuns.push({ workers, ...run });
      rows.push(run.row);
    }
    typicalRun = await timeQueue(redis, typical, 1, "queue, 1 worker process, 1–2 KB items", items);
  } finally {
    await redis.stop();
  }

  console.log("| run | docs | docs/s | wall ms/doc | CPU ms/doc (+ Redis) | peak RSS per worker process |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of [...rows, localTypical, typicalRun.row]) {
    const redisPart = row.redisCpuMs === undefined ? "" : ` (+ ${(row.redisCpuMs / row.docs).toFixed(2)})`;
    const rss = row.peakRssMb === undefined ? "" : `${row.peakRssMb.toFixed(0)} MB`;
    console.log(
      `| ${row.label} | ${row.docs} | ${((1000 * row.docs) / row.wallMs).toFixed(1)} | ${wallPerDoc(row).toFixed(2)} | ` +
        `${(row.cpuMs / row.docs).toFixed(2)}${redisPart} | ${rss} |`,
    );
  }

  const one = queueRuns.find((run) => run.workers === 1);
  const two = queueRuns.find((run) => run.workers === 2);
  if (one && two) {
    const speedup = wallPerDoc(one.row) / wallPerDoc(two.row);
    console.log(`\n2 worker processes vs 1: ${speedup.toFixed(2)}× (goal ≥ 1.70×): ${speedup >= 1.7 ? "met" : "NOT met"}`);
  }
  const overhead = (label: string, queued: Row, baseline: Row) => {
    const wall = wallPerDoc(queued) - wallPerDoc(baseline);
    const cpu = cpuPerDoc(queued) - cpuPerDoc(baseline);
    console.log(
      `queue overhead per job, ${label}: wall ${wall.toFixed(2)} ms (${((100 * wall) / wallPerDoc(baseline)).toFixed(1)}% of ` +
        `${wallPerDoc(baseline).toFixed(2)} ms tagging), CPU ${cpu.toFixed(2)} ms incl. Redis ` +
        `(${((100 * cpu) / cpuPerDoc(baseline)).toFixed(1)}% of ${cpuPerDoc(baseline).toFixed(2)} ms)`,
    );
    return (100 * wall) / wallPerDoc(baseline);
  };
  if (one) {
    overhead("all items", one.row, local);
    console.log(
      `enqueue (addBulk, batches of 500): ${((1000 * one.row.docs) / one.enqueueMs).toFixed(0)} jobs/s; ` +
        `results read and removed: ${((1000 * one.row.docs) / one.drainMs).toFixed(0)} results/s; ` +
        `Redis memory per completed job not yet read: ${(one.memoryPerJob / 1024).toFixed(1)} KB`,
    );
  }
  const share = overhead("1–2 KB items", typicalRun.row, localTypical);
  console.log(`goal ≤ 10% for 1–2 KB items (wall, one worker): ${share <= 10 ? "met" : "NOT met"}`);
  console.log(`load average after: ${load()} (other processes share these cores)`);
}

await main();
