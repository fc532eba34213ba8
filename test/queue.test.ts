/**
 * gongwen/queue: article keys and bundles, the failure policy, per-article idempotence, result draining and the CLI
 * subcommands, on a real redis-server (an in-process worker here; worker processes and faults are in
 * queue-workers.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue, UnrecoverableError } from "bullmq";
import { Redis } from "ioredis";
import { GongwenError } from "../src/core/errors.js";
import {
  BUNDLE_JOB_NAME,
  DEFAULT_BUNDLE_LIMITS,
  DEFAULT_JOB_OPTIONS,
  JOB_NAME,
  articleKey,
  createTaggingWorker,
  enqueueDocuments,
  parseFailureReason,
  parseQueueArgs,
  queueOptions,
  readFailures,
  readResults,
  runEnqueue,
  runResults,
  runWorker,
  textHash,
  type ArticleOutcome,
  type QueueFailure,
  type QueueResult,
} from "../src/queue/index.js";
import { articleIdOf, bundleArticles } from "../src/queue/job.js";
import { bundleOutcomes, jobError } from "../src/queue/worker.js";
import { tag } from "../src/analyzer.js";
import { redisServerAvailable, startRedis, warnRedisMissing, type RedisServer } from "./helpers/redis.js";
import { captureIO } from "./helpers/io.js";
import { firstItems, spawnWorker, waitFor, type NewsItem } from "./helpers/queue.js";
import { dataPresent, seedText } from "./helpers/data.js";

warnRedisMissing("test/queue.test.ts (enqueue, bundles, failure policy, results, CLI)");

const SEED = seedText();
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("article keys", () => {
  it("are the article id plus a hash of the text: same article → same key, changed text → new key", () => {
    const text = SEED.slice(0, 500);
    expect(articleKey("a-1", text)).toBe(articleKey("a-1", text));
    expect(articleKey("a-1", `${text}。`)).not.toBe(articleKey("a-1", text));
    expect(articleKey("a-2", text)).not.toBe(articleKey("a-1", text));
    expect(articleKey("a-1", text)).toBe(`a-1.${textHash(text)}`);
    expect(textHash(text)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("never contain BullMQ's ':' separator and give the article id back", () => {
    for (const id of ["news:2024:17", "政策/解读 1", "a.b.c", 42]) {
      const key = articleKey(id, "正文");
      expect(key).not.toContain(":");
      expect(articleIdOf(key)).toBe(String(id));
    }
  });
});

describe("bundles", () => {
  const article = (id: number, length: number) => ({ id, text: "政".repeat(length) });
  const ids = (bundles: { id: number }[][]) => bundles.map((bundle) => bundle.map((a) => a.id));
  const length = (a: { text: string }) => a.text.length;

  it("fill up to the article limit and the character limit, in order", () => {
    const articles = Array.from({ length: 7 }, (_, i) => article(i, 10));
    expect(ids(bundleArticles(articles, length, { articles: 3, chars: 1_000 }))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(ids(bundleArticles(articles, length, { articles: 32, chars: 25 }))).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
    expect(bundleArticles([], length, DEFAULT_BUNDLE_LIMITS)).toEqual([]);
  });

  it("give an article longer than the character limit a bundle of its own", () => {
    const articles = [article(0, 10), article(1, 10), article(2, 100), article(3, 10)];
    expect(ids(bundleArticles(articles, length, { articles: 32, chars: 50 }))).toEqual([[0, 1], [2], [3]]);
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

  it("in a bundle: bad input is that article's error; another error retries the bundle, until its last attempt", () => {
    const tags = asJson(tag("国务院召开常务会议。"));
    const good = { id: 1, hash: "a".repeat(16), tagged: { ok: true as const, value: JSON.stringify(tags) } };
    const bad = { id: 2, hash: "b".repeat(16), tagged: { ok: false as const, code: "INPUT_TOO_LARGE" as const, message: "too long" } };
    const died = { id: 3, hash: "c".repeat(16), tagged: { ok: false as const, code: "WORKER_FAILED" as const, message: "thread died" } };

    expect(JSON.parse(bundleOutcomes([good, undefined, bad], "tags", false))).toEqual([
      { id: 1, textHash: good.hash, tags },
      { id: 2, textHash: bad.hash, error: { code: "INPUT_TOO_LARGE", message: "too long" } },
    ]);
    let thrown: unknown;
    try {
      bundleOutcomes([good, bad, died], "tags", false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GongwenError);
    expect(jobError(thrown, UnrecoverableError)).not.toBeInstanceOf(UnrecoverableError);
    expect(parseFailureReason(jobError(thrown, UnrecoverableError).message)).toEqual({
      code: "WORKER_FAILED",
      message: "article 3: thread died",
    });
    expect(JSON.parse(bundleOutcomes([good, bad, died], "tags", true))[2]).toEqual({
      id: 3,
      textHash: died.hash,
      error: { code: "WORKER_FAILED", message: "thread died" },
    });
  });
});

describe("queue options", () => {
  it("are checked before anything connects", async () => {
    await expect(enqueueDocuments([], { queue: "q", connection: "redis://127.0.0.1:1", bundleSize: 0 })).rejects.toThrow(
      /invalid enqueue options/,
    );
    await expect(enqueueDocuments([], { queue: "a:b", connection: "redis://127.0.0.1:1" })).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
    await expect(createTaggingWorker({ connection: "redis://127.0.0.1:1", queue: "q", concurrency: 0 })).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
    await expect(
      createTaggingWorker({ connection: "redis://127.0.0.1:1", queue: "q", output: "xml" as never }),
    ).rejects.toThrow(/tagging worker options/);
    await expect(
      createTaggingWorker({ connection: "redis://127.0.0.1:1", queue: "q", isolation: "fiber" as never }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    await expect(readResults({ queue: "q", connection: "redis://127.0.0.1:1", pageSize: -1 }).next()).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
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
    expect(parseQueueArgs("worker", ["--isolation", "process"])).toMatchObject({ isolation: "process" });
    expect(() => parseQueueArgs("worker", ["--isolation", "fiber"])).toThrow(/--isolation must be thread or process/);
    expect(() => parseQueueArgs("results", ["--bogus"])).toThrow(GongwenError);
  });
});

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const record of records) list.push(record);
  return list;
}

describe.skipIf(!redisServerAvailable || !dataPresent("corpus/xinwenlianbo", "on a real Redis"))("on a real Redis", () => {
  let redis: RedisServer;
  let items: NewsItem[];
  const queues: Queue[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    items = await firstItems(40);
  });
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    await redis?.stop();
  });
  const openQueue = (name: string) => {
    const queue = new Queue(name, queueOptions(redis.url));
    queues.push(queue);
    return queue;
  };
  /** The claims of a queue: article key → the job that holds it. */
  const claimsOf = async (name: string) => {
    const raw = new Redis(redis.url);
    try {
      return await raw.hgetall(`bull:${name}:gongwen:articles`);
    } finally {
      raw.disconnect();
    }
  };
  const articlesOf = (job: { data: unknown }) => (job.data as { articles: NewsItem[] }).articles;
  /** Runs an in-process worker until `count` jobs are finished. */
  async function work(queue: Queue, count: number, options: Parameters<typeof createTaggingWorker>[0]["tagOptions"] = undefined) {
    const worker = await createTaggingWorker({ connection: redis.url, queue: queue.name, ...(options ? { tagOptions: options } : {}) });
    try {
      await waitFor(async () => {
        const { completed = 0, failed = 0 } = await queue.getJobCounts("completed", "failed");
        return completed + failed >= count;
      }, `${count} jobs to finish`, 60_000);
    } finally {
      await worker.close();
    }
  }
  const expectTags = (result: QueueResult | undefined, text: string) => {
    expect(result && "tags" in result && result.tags, `tags of ${result?.id}`).toEqual(asJson(tag(text)));
    expect(result!.textHash).toBe(textHash(text));
  };

  describe("each article once, though jobs carry bundles", () => {
    const name = "dedup";
    const corrected = () => ({ ...items[0]!, text: `${items[0]!.text}（更正）` });

    it("enqueues an article once, and again when its text changes", async () => {
      const queue = openQueue(name);
      const first = items.slice(0, 5).map((item) => ({ ...item, url: `https://cms/${item.id}` }));
      expect(await enqueueDocuments(first, { queue, bundleSize: 2 })).toEqual({ submitted: 5, added: 5, alreadyQueued: 0, jobs: 3 });
      const jobs = await queue.getWaiting();
      expect(jobs.map((job) => job.name)).toEqual([BUNDLE_JOB_NAME, BUNDLE_JOB_NAME, BUNDLE_JOB_NAME]);
      expect(jobs.flatMap(articlesOf).sort((a, b) => a.id.localeCompare(b.id))).toEqual(first);
      expect(jobs[0]!.opts).toMatchObject({ attempts: 3, backoff: { type: "exponential" } });

      // Items 3 and 4 are already queued (in other company now); 5–7 are new; 8 comes twice in one call.
      const overlap = [...items.slice(3, 8), items[8]!, items[8]!];
      expect(await enqueueDocuments(overlap, { queue, batchSize: 2 })).toEqual({ submitted: 7, added: 4, alreadyQueued: 3, jobs: 2 });
      expect(await enqueueDocuments(items.slice(0, 9), { queue })).toMatchObject({ added: 0, alreadyQueued: 9, jobs: 0 });
      expect(await enqueueDocuments([corrected()], { queue })).toMatchObject({ added: 1, jobs: 1 });
      const queued = (await queue.getWaiting()).flatMap(articlesOf);
      expect(queued).toHaveLength(10);
      expect(queued.filter((article) => article.id === items[0]!.id).map((article) => article.text).sort()).toEqual(
        [items[0]!.text, corrected().text].sort(),
      );
      await expect(enqueueDocuments([{ id: "", text: "x" }], { queue })).rejects.toThrow(/"id" must be/);
    });

    it("tags an article held by two live jobs once, and one claimed by a producer that died", async () => {
      const queue = openQueue(name);
      // A producer racing on item 1 added it in a job of its own (the claim says another job holds it).
      await queue.add(BUNDLE_JOB_NAME, { articles: [items[1]!, items[9]!] }, { jobId: "racer" });
      // A producer that died between its claim and its addBulk: the claim names a job that does not exist.
      const raw = new Redis(redis.url);
      await raw.hset(`bull:${name}:gongwen:articles`, articleKey(items[10]!.id, items[10]!.text), "ghost");
      raw.disconnect();
      expect(await enqueueDocuments([items[10]!], { queue })).toMatchObject({ added: 1, alreadyQueued: 0 });

      await work(queue, 8);
      const racer = JSON.parse((await queue.getJob("racer"))!.returnvalue as string) as ArticleOutcome[];
      expect(racer.map((outcome) => outcome.id)).toEqual([items[9]!.id]);
    }, 90_000);

    it("reports each article once (both versions of the corrected one) and forgets it once read", async () => {
      const queue = openQueue(name);
      const results = await collect(readResults({ queue }));
      expect(results).toHaveLength(12);
      const latest = corrected();
      const byVersion = new Map(results.map((result) => [`${result.id}@${result.textHash}`, result]));
      expect(byVersion.size).toBe(12);
      for (const item of [...items.slice(0, 11), latest]) expectTags(byVersion.get(`${item.id}@${textHash(item.text)}`), item.text);

      // Read and removed: nothing holds these articles any more, so they can be queued (and tagged) again.
      expect(await claimsOf(name)).toEqual({});
      expect(await enqueueDocuments([latest], { queue })).toMatchObject({ added: 1 });
      expect(Object.values(await claimsOf(name))).toEqual([(await queue.getWaiting())[0]!.id]);
      await queue.obliterate({ force: true });
    });
  });

  it("gives a bad article its own error result, tags its neighbours, fails poison jobs at once and blocks nothing", async () => {
    const queue = openQueue("poison");
    const huge = "政".repeat(17_500_000); // 52.5 MB of UTF-8, over the 10-million-unit default limit
    const good = items.slice(3, 8);
    const bad = [
      { id: "number", text: 42 as unknown as string },
      { id: "no-text" } as unknown as NewsItem,
    ];
    const summary = await enqueueDocuments([good[0]!, ...bad, good[1]!, { id: "huge", text: huge }, ...good.slice(2)], { queue });
    expect(summary).toEqual({ submitted: 8, added: 8, alreadyQueued: 0, jobs: 3 });
    const bundles = await queue.getWaiting();
    expect(bundles.map((job) => articlesOf(job).map((article) => article.id))).toEqual(
      expect.arrayContaining([["huge"], [good[0]!.id, "number", "no-text", good[1]!.id]]),
    );
    // A bundle whose stored data a tool outside gongwen broke; and jobs of one article from another producer,
    // one of them not JSON.
    const broken = await queue.add(BUNDLE_JOB_NAME, { articles: [{ id: "lost", text: "数据将被破坏" }] }, { jobId: "broken-bundle" });
    const corruptId = articleKey("corrupt", "数据将被破坏");
    await queue.add(JOB_NAME, { id: "corrupt", text: "数据将被破坏" }, { ...DEFAULT_JOB_OPTIONS, jobId: corruptId });
    await queue.add(JOB_NAME, { id: "single", text: items[8]!.text }, { ...DEFAULT_JOB_OPTIONS, jobId: "single-job" });
    await queue.add(JOB_NAME, { id: "single-number", text: 7 }, { ...DEFAULT_JOB_OPTIONS, jobId: "single-number" });
    const raw = new Redis(redis.url);
    await raw.hset(`bull:poison:${broken.id}`, "data", '{"articles": [{"id": "lost", 数据');
    await raw.hset(`bull:poison:${corruptId}`, "data", '{"id": "corrupt", "text": 数据');
    raw.disconnect();

    await work(queue, 7);
    expect(await queue.getActiveCount()).toBe(0);
    // No bundle was retried: a bad article does not fail its neighbours.
    for (const job of bundles) expect((await queue.getJob(job.id!))!.attemptsMade, job.id).toBe(1);

    const results = await collect(readResults({ queue, keep: true }));
    const byId = new Map(results.map((result) => [result.id, result]));
    expect(results).toHaveLength(9);
    const expectError = (id: string, code: string, message: RegExp) => {
      const result = byId.get(id) as Extract<QueueResult, { error: unknown }>;
      expect(result.error.code, id).toBe(code);
      expect(result.error.message, id).toMatch(message);
    };
    expectError("number", "INVALID_INPUT", /expected a string, got number/);
    expectError("no-text", "INVALID_INPUT", /no text field/);
    expectError("huge", "INPUT_TOO_LARGE", /17500000 UTF-16 units/);
    for (const item of good) expectTags(byId.get(item.id), item.text);
    expect(byId.get("single")).toMatchObject({ jobId: "single-job", textHash: textHash(items[8]!.text) });
    expectTags(byId.get("single"), items[8]!.text);

    const failures = await collect(readFailures({ queue, keep: true }));
    const failure = (jobId: string) => failures.find((candidate) => candidate.jobId === jobId) as QueueFailure;
    expect(failures).toHaveLength(3);
    expect(failure(corruptId)).toMatchObject({ id: "corrupt", error: { code: "INVALID_INPUT" }, attemptsMade: 1 });
    expect(failure(corruptId).error.message).toMatch(/not valid JSON/);
    expect(failure("single-number")).toMatchObject({ id: "single-number", error: { code: "INVALID_INPUT" }, attemptsMade: 1 });
    // The broken bundle's articles cannot be known: its failure says so without an id.
    expect(failure("broken-bundle")).toEqual({
      jobId: "broken-bundle",
      error: { code: "INVALID_INPUT", message: expect.stringMatching(/not valid JSON/) },
      attemptsMade: 1,
    });
    // Stored back as JSON, so that BullMQ and dashboards can read the jobs again.
    expect((await queue.getJob(corruptId))!.data).toEqual({ id: "corrupt", unreadableData: '{"id": "corrupt", "text": 数据' });
    expect((await queue.getJob("broken-bundle"))!.data).toEqual({ unreadableData: '{"articles": [{"id": "lost", 数据' });
  }, 120_000);

  it("removes results once read, unless asked to keep them", async () => {
    const queue = openQueue("poison");
    expect(await collect(readResults({ queue, keep: true }))).toHaveLength(9);
    expect(await collect(readResults({ queue, pageSize: 1 }))).toHaveLength(9);
    expect(await collect(readResults({ queue }))).toEqual([]);
    expect(await queue.getCompletedCount()).toBe(0);
    expect(await collect(readFailures({ queue }))).toHaveLength(3);
    expect(await queue.getFailedCount()).toBe(0);
    expect(await claimsOf("poison")).toEqual({});
  });

  it("tags with the worker's tag options exactly as tag(text, options) does (user words segment too)", async () => {
    const queue = openQueue("options");
    const tagOptions = { userWords: ["长江经济带", "生态优先"], maxPerKind: 3 };
    const batch = items.slice(0, 3);
    await enqueueDocuments(batch, { queue });
    await work(queue, 1, tagOptions);
    const results = (await collect(readResults({ queue }))) as Extract<QueueResult, { tags: unknown }>[];
    expect(results).toHaveLength(3);
    expect(results.some((result) => result.tags.sections.some((section) => section.tag === "长江经济带"))).toBe(true);
    for (const result of results) {
      const item = batch.find((candidate) => candidate.id === result.id)!;
      expect(result.tags).toEqual(asJson(tag(item.text, tagOptions)));
    }
  });

  it("CLI: enqueue reports bad lines by number, a worker tags, results --wait prints one line per article", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongwen-queue-cli-"));
    try {
      const file = join(dir, "articles.jsonl");
      const good = items.slice(8, 12);
      const lines = good.map((item) => JSON.stringify({ id: item.id, text: item.text, url: `https://cms/${item.id}` }));
      lines.splice(2, 0, "{not json", JSON.stringify({ text: "无编号" }), "");
      writeFileSync(file, `${lines.join("\n")}\n`);

      const enqueueIO = captureIO();
      const common = { redis: redis.url, queue: "cli" };
      expect(await runEnqueue({ ...common, files: [file] }, enqueueIO)).toBe(1);
      expect(enqueueIO.err()).toContain("articles.jsonl:3: not JSON, skipped");
      expect(enqueueIO.err()).toContain('articles.jsonl:4: no "id"');
      expect(enqueueIO.err()).toContain('gongwen enqueue: 4 articles in 1 job to queue "cli", 2 bad lines skipped');

      const stop = new AbortController();
      const worker = runWorker({ ...common, quiet: true, signal: stop.signal }, captureIO());
      const resultsIO = captureIO();
      expect(await runResults({ ...common, quiet: true, wait: true }, resultsIO)).toBe(0);
      stop.abort();
      expect(await worker).toBe(0);

      const printed = resultsIO.out().trim().split("\n").map((line) => JSON.parse(line) as QueueResult);
      expect(printed.map((result) => result.id).sort()).toEqual(good.map((item) => item.id).sort());
      for (const result of printed) {
        const item = good.find((candidate) => candidate.id === result.id)!;
        expect(result).toEqual({ id: item.id, textHash: textHash(item.text), tags: asJson(tag(item.text)), jobId: expect.any(String) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("SIGTERM: the worker process finishes the jobs in hand, takes no more, and exits 0; long jobs keep their lock", async () => {
    const queue = openQueue("sigterm");
    // 1,000 news items in one text (~500k characters, over a bundle's 64K): a job of its own, seconds of tagging,
    // so that it outlasts the 500 ms lock (asserted below: the test means nothing otherwise).
    const long = { id: "long", text: (await firstItems(1000)).map((item) => item.text).join("\n") };
    const after = items.map((item) => ({ ...item, id: `after-${item.id}` }));
    expect(await enqueueDocuments([long, ...after], { queue, bundleSize: 2 })).toMatchObject({ jobs: 1 + after.length / 2 });
    const longId = (await queue.getWaiting()).find((job) => articlesOf(job)[0]!.id === "long")!.id!;
    // A lock far shorter than the long job: tagging runs off the event loop, so the lock is renewed meanwhile.
    const worker = spawnWorker({ redisUrl: redis.url, queue: "sigterm", name: "draining", lockMs: 500, stalledMs: 300 });
    await worker.ready;
    await waitFor(async () => (await queue.getJobState(longId)) === "active", "the long job to start", 30_000, 5);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });

    const job = await queue.getJob(longId);
    expect(await job!.getState()).toBe("completed");
    expect(job!.processedBy).toBe("draining");
    expect(job!.stalledCounter).toBe(0);
    expect(job!.attemptsStarted).toBe(1);
    expect(job!.finishedOn! - job!.processedOn!).toBeGreaterThan(1_000);
    expect(JSON.parse(job!.returnvalue as string)).toEqual([{ id: "long", textHash: textHash(long.text), tags: asJson(tag(long.text)) }]);
    expect(worker.stderr()).toContain("SIGTERM, finishing the jobs in hand");
    expect(await queue.getWaitingCount()).toBeGreaterThanOrEqual(after.length / 2 - 2);
  }, 90_000);
});
