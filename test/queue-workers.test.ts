/**
 * gongwen/queue end to end on a real redis-server with worker PROCESSES: news items in bundles through two workers,
 * a worker killed with SIGKILL while it holds bundles, a Redis restart in the middle of a run, and a Redis with an
 * append-only file killed with SIGKILL in the middle of a run. In every case
 * each item's result must be there exactly once and equal to calling tag() locally.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { enqueueDocuments, queueOptions, readFailures, readResults, textHash, type QueueResult } from "../src/queue/index.js";
import { tag } from "../src/analyzer.js";
import { redisServerAvailable, startRedis, warnRedisMissing, type RedisServer } from "./helpers/redis.js";
import { dataPresent } from "./helpers/data.js";
import { firstItems, spawnWorker, waitFor, type NewsItem, type WorkerProcess } from "./helpers/queue.js";

warnRedisMissing("test/queue-workers.test.ts (queue runs through worker processes)");

/** Short locks so that a killed worker's jobs are recovered in seconds (production keeps BullMQ's 30 s). */
const FAST_RECOVERY = { lockMs: 3_000, stalledMs: 1_000 };

describe.skipIf(!redisServerAvailable || !dataPresent("corpus/xinwenlianbo", "tagging queue with worker processes on a real Redis"))("tagging queue with worker processes on a real Redis", () => {
  let redis: RedisServer;
  let items: NewsItem[];
  const running: WorkerProcess[] = [];
  const queues: Queue[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    items = await firstItems(2_000);
  });

  afterAll(async () => {
    for (const worker of running) worker.child.kill("SIGKILL");
    await Promise.all(queues.map((queue) => queue.close()));
    await redis?.stop();
  });

  function openQueue(name: string): Queue {
    const queue = new Queue(name, queueOptions(redis.url));
    // While Redis restarts, reconnect errors are expected; without a listener ioredis prints each one.
    queue.on("error", () => undefined);
    queues.push(queue);
    return queue;
  }

  function startWorkers(queue: string, names: string[], settings: { lockMs?: number; stalledMs?: number; isolation?: "process" } = {}) {
    const workers = names.map((name) => spawnWorker({ redisUrl: redis.url, queue, name, ...settings }));
    running.push(...workers);
    return workers;
  }

  /** True when every job is finished (and at least `jobs` of them). */
  async function finished(queue: Queue, jobs = 1): Promise<boolean> {
    const counts = await queue.getJobCounts("completed", "failed", "waiting", "active", "delayed");
    const { completed = 0, failed = 0, waiting = 0, active = 0, delayed = 0 } = counts;
    return completed + failed >= jobs && waiting + active + delayed === 0;
  }

  /**
   * Drains the results and checks: one per item, each identical to tag() called here, after the run (so that the
   * workers and this process read the same sources even while others edit the working tree).
   */
  async function expectExactlyOnce(queue: Queue, batch: NewsItem[]): Promise<QueueResult[]> {
    const results: QueueResult[] = [];
    for await (const result of readResults({ queue })) results.push(result);
    const failures = [];
    for await (const failure of readFailures({ queue })) failures.push(failure);
    expect(failures).toEqual([]);
    expect(results.filter((result) => "error" in result)).toEqual([]);
    expect(results).toHaveLength(batch.length);
    expect(new Set(results.map((result) => result.id))).toEqual(new Set(batch.map((item) => item.id)));
    const byId = new Map(batch.map((item) => [item.id, item]));
    for (const result of results) {
      const { text } = byId.get(result.id as string)!;
      expect(result.textHash).toBe(textHash(text));
      expect("tags" in result && result.tags, String(result.id)).toEqual(JSON.parse(JSON.stringify(tag(text))));
    }
    return results;
  }

  async function stop(workers: WorkerProcess[]) {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGTERM");
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    return exits;
  }

  it("tags 2,000 news items in bundles through two worker processes: each result once, equal to local tag()", async () => {
    const queue = openQueue("two-workers");
    const workers = startWorkers("two-workers", ["w1", "w2"]);
    await Promise.all(workers.map((worker) => worker.ready));
    const { jobs } = await enqueueDocuments(items, { queue });
    // 2,000 items of ~500 characters: bundles of 32 articles.
    expect(jobs).toBe(Math.ceil(items.length / 32));
    await waitFor(() => finished(queue, jobs), "the bundles to finish", 180_000, 200);

    // Both processes took part (processedBy is each worker's name).
    const completed = await queue.getJobs(["completed"], 0, -1);
    expect(new Set(completed.map((job) => job.processedBy))).toEqual(new Set(["w1", "w2"]));

    await expectExactlyOnce(queue, items);
    expect((await stop(workers)).map((exit) => exit.code)).toEqual([0, 0]);
  }, 240_000);

  it("loses and duplicates nothing when a worker is killed with SIGKILL while it holds bundles", async () => {
    const batch = items.slice(0, 400);
    const queue = openQueue("kill-9");
    // Bundles of 8: 50 jobs, so that the kill lands in the middle of the run.
    await enqueueDocuments(batch, { queue, bundleSize: 8 });
    const [victim, survivor] = startWorkers("kill-9", ["victim", "survivor"], FAST_RECOVERY);
    await Promise.all([victim!.ready, survivor!.ready]);
    await waitFor(async () => (await queue.getCompletedCount()) >= 10, "10 bundles done");

    // Freeze the victim, and kill it only at a moment when it holds at least one job.
    let held: string[] = [];
    await waitFor(async () => {
      victim!.child.kill("SIGSTOP");
      const active = await queue.getActive();
      held = active.filter((job) => job.processedBy === "victim").map((job) => job.id!);
      if (held.length === 0) victim!.child.kill("SIGCONT");
      return held.length > 0;
    }, "the victim to hold a job", 30_000, 10);
    victim!.child.kill("SIGKILL");
    expect((await victim!.exited).signal).toBe("SIGKILL");

    await waitFor(() => finished(queue), "the bundles to finish", 90_000, 200);
    // The bundles it held went back to the queue through BullMQ's stalled-job check and the survivor tagged them.
    for (const jobId of held) {
      const job = await queue.getJob(jobId);
      expect(await job!.getState()).toBe("completed");
      expect(job!.processedBy).toBe("survivor");
      expect(job!.stalledCounter).toBeGreaterThanOrEqual(1);
    }
    await expectExactlyOnce(queue, batch);
    expect((await stop([survivor!]))[0]!.code).toBe(0);
  }, 150_000);

  it("with --isolation process: a tagging process killed with SIGKILL mid-bundle is replaced, its articles tagged once", async () => {
    const batch = items.slice(0, 200);
    const queue = openQueue("kill-tagger");
    await enqueueDocuments(batch, { queue, bundleSize: 8 });
    const [worker] = startWorkers("kill-tagger", ["parent"], { isolation: "process" });
    await worker!.ready;
    const pid = worker!.child.pid!;
    const taggers = () =>
      readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean));
    const [first] = taggers();
    expect(first, "the worker's tagging process").toBeDefined();
    await waitFor(async () => (await queue.getCompletedCount()) >= 5, "5 bundles done");
    process.kill(Number(first), "SIGKILL");

    await waitFor(() => finished(queue), "the bundles to finish", 90_000, 200);
    await expectExactlyOnce(queue, batch);
    const [replacement] = taggers();
    expect(replacement, "a new tagging process").toBeDefined();
    expect(replacement).not.toBe(first);
    expect((await stop([worker!]))[0]!.code).toBe(0);
  }, 150_000);

  it("finishes the run when Redis restarts in the middle: workers reconnect", async () => {
    const batch = items.slice(400, 800);
    const queue = openQueue("redis-restart");
    const { jobs } = await enqueueDocuments(batch, { queue, bundleSize: 8 });
    const workers = startWorkers("redis-restart", ["r1", "r2"], FAST_RECOVERY);
    await Promise.all(workers.map((worker) => worker.ready));
    await waitFor(async () => (await queue.getCompletedCount()) >= 10, "10 bundles done");

    await redis.restart({ downtimeMs: 1_000 });
    const afterRestart = await queue.getCompletedCount();
    expect(afterRestart).toBeLessThan(jobs);

    await waitFor(() => finished(queue, jobs), "the bundles to finish after the restart", 90_000, 200);
    expect(await queue.getCompletedCount()).toBeGreaterThan(afterRestart);
    await expectExactlyOnce(queue, batch);
    for (const worker of workers) expect(worker.child.exitCode).toBeNull();
    expect((await stop(workers)).map((exit) => exit.code)).toEqual([0, 0]);
  }, 150_000);

  it("loses and duplicates nothing when Redis with an append-only file (appendfsync everysec) is killed with SIGKILL", async () => {
    // Its own Redis, persisted as the README tells production to: every write is in the append-only file (in the
    // kernel's cache, fsynced each second) before Redis answers it, so a killed process loses nothing acknowledged.
    const durable = await startRedis({ appendfsync: "everysec" });
    const queue = new Queue("aof-kill-9", queueOptions(durable.url));
    queue.on("error", () => undefined);
    try {
      const batch = items.slice(800, 1_200);
      const { jobs } = await enqueueDocuments(batch, { queue, bundleSize: 8 });
      const workers = ["a1", "a2"].map((name) =>
        spawnWorker({ redisUrl: durable.url, queue: "aof-kill-9", name, ...FAST_RECOVERY }),
      );
      running.push(...workers);
      await Promise.all(workers.map((worker) => worker.ready));
      await waitFor(async () => (await queue.getCompletedCount()) >= 10, "10 bundles done");

      const before = await queue.getCompletedCount();
      await durable.restart({ how: "kill", downtimeMs: 1_000 });
      // Every bundle finished before the kill is still there, and so is every one not yet finished.
      expect(await queue.getCompletedCount()).toBeGreaterThanOrEqual(before);
      await waitFor(() => finished(queue, jobs), "the bundles to finish after the kill", 90_000, 200);
      await expectExactlyOnce(queue, batch);
      expect((await stop(workers)).map((exit) => exit.code)).toEqual([0, 0]);
    } finally {
      await queue.close();
      await durable.stop();
    }
  }, 150_000);
});
