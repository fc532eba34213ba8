/**
 * gongwen/queue when something around it is wrong: an optional peer (bullmq, ioredis) not installed, Redis not
 * reachable or lost in the middle, a queue that vanishes while it is read (Redis restarted without persistence), and
 * the commands' --help. Each fault must give its code, one line on stderr and a non-zero exit, never a hang, a spin
 * or a stack. Peers are hidden from child processes by test/helpers/hide-packages.ts; Redis is a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDocuments, QUEUE_COMMANDS, QUEUE_HELP, readResults, runQueueCommand } from "../src/queue/index.js";
import { captureIO } from "./helpers/io.js";
import { dataPresent } from "./helpers/data.js";
import { firstItems, runGongwen, runScript, type CliRun } from "./helpers/queue.js";
import { freePort, redisServerAvailable, startRedis, warnRedisMissing, type RedisServer } from "./helpers/redis.js";

warnRedisMissing("test/queue-faults.test.ts (Redis lost mid-run, vanished queue)");

/** stderr as lines, the last newline dropped. */
const lines = (run: CliRun) => run.stderr.split("\n").slice(0, -1);

describe.each(["bullmq", "ioredis"])("without %s installed", (peer) => {
  const line = new RegExp(`^gongwen (worker|enqueue|results): DEPENDENCY_MISSING: gongwen/queue needs ${peer}, .*: npm install ${peer}$`);

  it("every command says DEPENDENCY_MISSING in one line and exits 1", async () => {
    const redis = `redis://127.0.0.1:${await freePort()}`;
    const runs = await Promise.all([
      runGongwen(["worker", "--redis", redis, "--quiet"], { hide: [peer] }),
      runGongwen(["enqueue", "--redis", redis], { hide: [peer], stdin: '{"id":1,"text":"国务院召开常务会议。"}\n' }),
      runGongwen(["results", "--redis", redis], { hide: [peer] }),
      runGongwen(["results", "--redis", redis, "--wait"], { hide: [peer] }),
    ]);
    for (const run of runs) {
      expect(lines(run), run.stderr).toHaveLength(1);
      expect(lines(run)[0]).toMatch(line);
      expect(run).toMatchObject({ code: 1, signal: null, stdout: "" });
    }
  }, 60_000);

  it("every function rejects with DEPENDENCY_MISSING", async () => {
    const run = await runScript("test/helpers/queue-apis.ts", ["redis://127.0.0.1:1"], { hide: [peer] });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      enqueueDocuments: "DEPENDENCY_MISSING",
      readResults: "DEPENDENCY_MISSING",
      readFailures: "DEPENDENCY_MISSING",
      createTaggingWorker: "DEPENDENCY_MISSING",
    });
  }, 60_000);
});

describe("Redis unreachable", () => {
  it("every command gives up with REDIS_UNAVAILABLE in one line and exits 1", async () => {
    const redis = `redis://127.0.0.1:${await freePort()}`;
    const runs = await Promise.all([
      runGongwen(["worker", "--redis", redis, "--quiet"]),
      runGongwen(["enqueue", "--redis", redis], { stdin: '{"id":1,"text":"国务院召开常务会议。"}\n' }),
      runGongwen(["results", "--redis", redis]),
      runGongwen(["results", "--redis", redis, "--wait", "--failed"]),
    ]);
    for (const run of runs) {
      expect(lines(run), run.stderr).toHaveLength(1);
      expect(lines(run)[0]).toMatch(
        new RegExp(`^gongwen \\w+: REDIS_UNAVAILABLE: cannot reach Redis at ${redis}/?: connect ECONNREFUSED .* \\(gave up after 5 s\\)$`),
      );
      expect(run).toMatchObject({ code: 1, signal: null, stdout: "" });
    }
  }, 60_000);

  it("a worker still connecting obeys SIGTERM at once, without waiting out its retries", async () => {
    const redis = `redis://127.0.0.1:${await freePort()}`;
    const run = await runGongwen(["worker", "--redis", redis], {
      onSpawn: (child) => child.stderr!.once("data", () => child.kill("SIGTERM")),
    });
    expect(run.stderr).toMatch(/^gongwen worker: connecting to queue "gongwen-tags" at redis:\/\/127\.0\.0\.1:\d+\/?, then loading dictionaries\n$/);
    expect(run.signal).toBe("SIGTERM");
  }, 60_000);
});

describe.skipIf(!redisServerAvailable || !dataPresent("corpus/xinwenlianbo", "Redis lost while a command runs"))("Redis lost while a command runs", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("results --wait: a Redis that comes back with its data is ridden out; one that vanishes is QUEUE_LOST", async () => {
    const items = await firstItems(64);
    expect(await enqueueDocuments(items, { connection: redis.url, queue: "vanish", bundleSize: 8 })).toMatchObject({ jobs: 8 });

    // No worker: the reader waits for the 8 jobs. A restart that keeps the data changes nothing…
    const io = captureIO();
    const reading = runQueueCommand("results", ["--redis", redis.url, "--queue", "vanish", "--wait", "--quiet"], io);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis.restart({ how: "save" });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(io.err()).toBe("");
    // …one without persistence loses the jobs, and the reader says so instead of reporting an empty queue as done.
    await redis.restart({ how: "wipe" });
    expect(await reading).toBe(1);
    expect(io.err()).toMatch(/^gongwen results: QUEUE_LOST: queue "vanish" vanished from Redis while it was read .*\n$/);
    expect(io.out()).toBe("");
    // The same through the API.
    await enqueueDocuments(items.slice(0, 8), { connection: redis.url, queue: "vanish" });
    const reader = readResults({ connection: redis.url, queue: "vanish", wait: true, pollInterval: 50 });
    const next = reader.next();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.restart({ how: "wipe" });
    await expect(next).rejects.toMatchObject({ code: "QUEUE_LOST" });
  }, 60_000);

  it("results --wait: a Redis that stays down is REDIS_UNAVAILABLE, exit 1", async () => {
    const lost = await startRedis();
    await enqueueDocuments(await firstItems(8), { connection: lost.url, queue: "down" });
    const io = captureIO();
    const reading = runQueueCommand("results", ["--redis", lost.url, "--queue", "down", "--wait", "--quiet"], io);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await lost.stop();
    expect(await reading).toBe(1);
    expect(io.err()).toMatch(/^gongwen results: REDIS_UNAVAILABLE: cannot reach Redis at .*ECONNREFUSED.*\n$/);
  }, 60_000);
});

describe("--help", () => {
  it.each(QUEUE_COMMANDS)("gongwen %s --help prints its usage, options and examples on stdout, exit 0", async (command) => {
    const io = captureIO();
    expect(await runQueueCommand(command, ["--redis", "redis://127.0.0.1:1", "--help"], io)).toBe(0);
    expect(io.out()).toBe(`${QUEUE_HELP[command]}\n`);
    expect(io.err()).toBe("");
    expect(io.out()).toMatch(new RegExp(`^Usage: gongwen ${command} `));
    for (const option of ["--redis <url>", "--queue <name>", "--quiet", "--help", "Examples:", `gongwen ${command} --redis`]) {
      expect(io.out(), option).toContain(option);
    }
    const own = { worker: ["--concurrency <n>", "--output <kind>"], enqueue: ["files.jsonl"], results: ["--wait", "--keep", "--failed"] };
    for (const option of own[command]) expect(io.out(), option).toContain(option);
    // -h too; after "--" it is a file name, not a request for help.
    expect(await runQueueCommand(command, ["-h"], captureIO())).toBe(0);
  });

  it("treats --help after -- as a file", async () => {
    const io = captureIO();
    expect(await runQueueCommand("enqueue", ["--redis", "redis://127.0.0.1:1", "--", "--help"], io)).toBe(1);
    expect(io.err()).toMatch(/^gongwen enqueue: .*--help/);
  });
});
