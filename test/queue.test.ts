/**
 * gongwen/queue: job ids, the failure policy, result draining and the CLI subcommands, on a real redis-server
 * (an in-process worker here; worker processes and faults are in queue-workers.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue, UnrecoverableError } from "bullmq";
import { Redis } from "ioredis";
import { GongwenError } from "../src/errors.js";
import {
  DEFAULT_JOB_OPTIONS,
  createTaggingWorker,
  enqueueDocuments,
  jobIdFor,
  parseFailureReason,
  parseQueueArgs,
  readFailures,
  readResults,
  runEnqueue,
  runResults,
  runWorker,
  type QueueCliIO,
  type QueueFailure,
  type QueueResult,
} from "../src/queue/index.js";
import { articleIdOf } from "../src/queue/job.js";
import { jobError } from "../src/queue/worker.js";
import { tag } from "../src/tag/index.js";
import { redisServerAvailable, startRedis, warnRedisMissing, type RedisServer } from "./helpers/redis.js";
import { firstItems, spawnWorker, waitFor, type NewsItem } from "./helpers/queue.js";

warnRedisMissing("test/queue.test.ts (enqueue, failure policy, results, CLI)");

const SEED = readFileSync(new URL("../../shared/data/seed/meeting-report.txt", import.meta.url), "utf8");
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("job ids", () => {
  it("are the article id plus a hash of the text: same article → same id, changed text → new id", () => {
    const text = SEED.slice(0, 500);
    expect(jobIdFor("a-1", text)).toBe(jobIdFor("a-1", text));
    expect(jobIdFor("a-1", `${text}。`)).not.toBe(jobIdFor("a-1", text));
    expect(jobIdFor("a-2", text)).not.toBe(jobIdFor("a-1", text));
    expect(jobIdFor("a-1", text)).toMatch(/^a-1\.[0-9a-f]{16}$/);
  });

  it("never contain BullMQ's ':' separator and give the article id back", () => {
    for (const id of ["news:2024:17", "政策/解读 1", "a.b.c", 42]) {
      const jobId = jobIdFor(id, "正文");
      expect(jobId).not.toContain(":");
      expect(articleIdOf(jobId)).toBe(String(id));
    }
  });
});

describe("failure policy", () => {
  it("fails bad input at once (UnrecoverableError) and retries anything else, the code first in the message", () => {
    const tooLarge = jobError(new GongwenError("INPUT_TOO_LARGE", "input has 17500000 UTF-16 units"), UnrecoverableError);
    expect(tooLarge).toBeInstanceOf(UnrecoverableError);
    expect(parseFailureReason(tooLarge.message)).toEqual({ code: "INPUT_TOO_LARGE", message: "input has 17500000 UTF-16 units" });
    expect(jobError(new GongwenError("INVALID_INPUT", "x"), UnrecoverableError)).toBeInstanceOf(UnrecoverableError);

    const missingDict = jobError(new GongwenError("DICT_NOT_FOUND", "no places.txt"), UnrecoverableError);
    expect(missingDict).not.toBeInstanceOf(UnrecoverableError);
    expect(parseFailureReason(missingDict.message).code).toBe("DICT_NOT_FOUND");
    const bug = new TypeError("cannot read properties of undefined");
    expect(jobError(bug, UnrecoverableError)).toBe(bug);
  });

  it("retries a bounded number of times with exponential backoff", () => {
    expect(DEFAULT_JOB_OPTIONS.attempts).toBe(3);
    expect(DEFAULT_JOB_OPTIONS.backoff).toMatchObject({ type: "exponential" });
  });
});

describe("queue subcommand arguments", () => {
  it("parse with defaults and reject bad values", () => {
    expect(parseQueueArgs("worker", ["--redis", "redis://h:1", "--queue", "q", "--concurrency", "2"])).toEqual({
      redis: "redis://h:1",
      queue: "q",
      concurrency: 2,
    });
    expect(parseQueueArgs("enqueue", ["--queue", "q", "a.jsonl", "b.jsonl"])).toMatchObject({
      queue: "q",
      files: ["a.jsonl", "b.jsonl"],
    });
    expect(parseQueueArgs("results", ["--failed", "--wait"])).toMatchObject({ queue: "gongwen-tags", failed: true, wait: true });
    expect(() => parseQueueArgs("worker", ["--concurrency", "0"])).toThrow(/positive integer/);
    expect(() => parseQueueArgs("results", ["--bogus"])).toThrow(GongwenError);
  });
});

/** A QueueCliIO whose stdout and stderr are collected. */
function captureIO(): QueueCliIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  return { stdin: new PassThrough(), stdout, stderr, out: () => out, err: () => err };
}

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const record of records) list.push(record);
  return list;
}

describe.skipIf(!redisServerAvailable)("on a real Redis", () => {
  let redis: RedisServer;
  let items: NewsItem[];
  const queues: Queue[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    items = await firstItems(20);
  });
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    await redis?.stop();
  });
  const openQueue = (name: string) => {
    const queue = new Queue(name, { connection: { url: redis.url } });
    queues.push(queue);
    return queue;
  };

  it("enqueues an article once, and again when its text changes", async () => {
    const queue = openQueue("dedup");
    const batch = items.slice(0, 3);
    expect(await enqueueDocuments(batch, { queue })).toEqual({ submitted: 3 });
    await enqueueDocuments(batch, { queue, batchSize: 2 });
    expect(await queue.getWaitingCount()).toBe(3);

    const changed = { ...batch[0]!, text: `${batch[0]!.text}（更正）` };
    await enqueueDocuments(
      (async function* () {
        yield changed;
      })(),
      { connection: redis.url, queue: "dedup" },
    );
    const waiting = await queue.getWaiting();
    expect(waiting).toHaveLength(4);
    expect(waiting.filter((job) => (job.data as NewsItem).id === changed.id)).toHaveLength(2);
    const job = waiting[0]!;
    expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: "exponential" } });
    await expect(enqueueDocuments([{ id: "", text: "x" }], { queue })).rejects.toThrow(/"id" must be/);
  });

  it("fails poison jobs at once with their code (bad JSON, not a string, no text, 50 MB) without blocking the rest", async () => {
    const queue = openQueue("poison");
    const huge = "政".repeat(17_500_000); // 52.5 MB of UTF-8, over the 10-million-unit default limit
    const good = items.slice(3, 8);
    await enqueueDocuments(
      [
        { id: "corrupt", text: "数据将被破坏" },
        { id: "number", text: 42 as unknown as string },
        { id: "no-text" } as unknown as NewsItem,
        { id: "huge", text: huge },
        ...good,
      ],
      { queue },
    );
    // A producer outside gongwen wrote data that is not JSON.
    const raw = new Redis(redis.url);
    await raw.hset(`bull:poison:${jobIdFor("corrupt", "数据将被破坏")}`, "data", '{"id": "corrupt", "text": 数据');
    raw.disconnect();

    const worker = await createTaggingWorker({ connection: redis.url, queue: "poison" });
    try {
      await waitFor(async () => {
        const { completed = 0, failed = 0 } = await queue.getJobCounts("completed", "failed");
        return completed + failed === 9;
      }, "9 jobs to finish", 60_000);
    } finally {
      await worker.close();
    }

    const failures = await collect(readFailures({ queue, keep: true }));
    const byId = new Map(failures.map((failure) => [failure.id, failure]));
    const expectFailure = (id: string, code: string, message: RegExp) => {
      const failure = byId.get(id) as QueueFailure;
      expect(failure.error.code, id).toBe(code);
      expect(failure.error.message, id).toMatch(message);
      expect(failure.attemptsMade, `${id} was not retried`).toBe(1);
    };
    expect(failures).toHaveLength(4);
    expectFailure("corrupt", "INVALID_INPUT", /not valid JSON/);
    // Stored back as JSON, so that BullMQ and dashboards can read the job again.
    expect((await queue.getJob(jobIdFor("corrupt", "数据将被破坏")))!.data).toEqual({
      id: "corrupt",
      unreadableData: '{"id": "corrupt", "text": 数据',
    });
    expectFailure("number", "INVALID_INPUT", /expected a string, got number/);
    expectFailure("no-text", "INVALID_INPUT", /no text field/);
    expectFailure("huge", "INPUT_TOO_LARGE", /17500000 UTF-16 units/);
    expect(await queue.getActiveCount()).toBe(0);

    const results = await collect(readResults({ queue, keep: true }));
    expect(results.map((result) => result.id)).toEqual(expect.arrayContaining(good.map((item) => item.id)));
    for (const item of good) {
      const result = results.find((candidate) => candidate.id === item.id) as Extract<QueueResult, { tags: unknown }>;
      expect(result.tags).toEqual(asJson(tag(item.text)));
    }
  }, 120_000);

  it("tags with the worker's tag options exactly as tag(text, options) does (user words segment too)", async () => {
    const queue = openQueue("options");
    const tagOptions = { userWords: ["长江经济带", "生态优先"], maxPerKind: 3 };
    const batch = items.slice(0, 3);
    await enqueueDocuments(batch, { queue });
    const worker = await createTaggingWorker({ connection: redis.url, queue: "options", tagOptions });
    try {
      await waitFor(async () => (await queue.getCompletedCount()) === batch.length, "3 jobs to finish");
    } finally {
      await worker.close();
    }
    const results = (await collect(readResults({ queue }))) as Extract<QueueResult, { tags: unknown }>[];
    expect(results.some((result) => result.tags.sections.some((section) => section.tag === "长江经济带"))).toBe(true);
    for (const result of results) {
      const item = batch.find((candidate) => candidate.id === result.id)!;
      expect(result.tags).toEqual(asJson(tag(item.text, tagOptions)));
    }
  });

  it("removes results once read, unless asked to keep them", async () => {
    const queue = openQueue("poison");
    expect(await collect(readResults({ queue, keep: true }))).toHaveLength(5);
    expect(await collect(readResults({ queue, pageSize: 2 }))).toHaveLength(5);
    expect(await collect(readResults({ queue }))).toEqual([]);
    expect(await queue.getCompletedCount()).toBe(0);
  });

  it("CLI: enqueue reports bad lines by number, a worker tags, results --wait prints one line per job", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongwen-queue-cli-"));
    try {
      const file = join(dir, "articles.jsonl");
      const good = items.slice(8, 12);
      const lines = good.map((item) => JSON.stringify({ id: item.id, text: item.text, url: `https://cms/${item.id}` }));
      lines.splice(2, 0, "{not json", JSON.stringify({ text: "无编号" }), "");
      writeFileSync(file, `${lines.join("\n")}\n`);

      const enqueueIO = captureIO();
      const common = { redis: redis.url, queue: "cli", quiet: true };
      expect(await runEnqueue({ ...common, files: [file] }, enqueueIO)).toBe(1);
      expect(enqueueIO.err()).toContain("articles.jsonl:3: not JSON, skipped");
      expect(enqueueIO.err()).toContain('articles.jsonl:4: no "id"');

      const stop = new AbortController();
      const worker = runWorker({ ...common, signal: stop.signal }, captureIO());
      const resultsIO = captureIO();
      expect(await runResults({ ...common, wait: true }, resultsIO)).toBe(0);
      stop.abort();
      expect(await worker).toBe(0);

      const printed = resultsIO.out().trim().split("\n").map((line) => JSON.parse(line) as QueueResult);
      expect(printed.map((result) => result.id).sort()).toEqual(good.map((item) => item.id).sort());
      for (const result of printed) {
        const item = good.find((candidate) => candidate.id === result.id)!;
        expect(result).toEqual({ id: item.id, jobId: jobIdFor(item.id, item.text), tags: asJson(tag(item.text)) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("SIGTERM: the worker process finishes the job in hand, takes no more, and exits 0; long jobs keep their lock", async () => {
    const queue = openQueue("sigterm");
    // 200 news items in one text (~100k characters): seconds of tagging.
    const long = { id: "long", text: (await firstItems(200)).map((item) => item.text).join("\n") };
    await enqueueDocuments([long, ...items.map((item) => ({ ...item, id: `after-${item.id}` }))], { queue });
    // A lock far shorter than the long job: tagging runs off the event loop, so the lock is renewed meanwhile.
    const worker = spawnWorker({ redisUrl: redis.url, queue: "sigterm", name: "draining", lockMs: 500, stalledMs: 300 });
    await worker.ready;
    const longId = jobIdFor(long.id, long.text);
    await waitFor(async () => (await queue.getJobState(longId)) === "active", "the long job to start", 30_000, 5);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });

    const job = await queue.getJob(longId);
    expect(await job!.getState()).toBe("completed");
    expect(job!.processedBy).toBe("draining");
    expect(job!.stalledCounter).toBe(0);
    expect(job!.attemptsStarted).toBe(1);
    expect(job!.finishedOn! - job!.processedOn!).toBeGreaterThan(1_000);
    expect(worker.stderr()).toContain("SIGTERM, finishing the jobs in hand");
    expect(await queue.getWaitingCount()).toBeGreaterThanOrEqual(items.length - 2);
  }, 60_000);
});
