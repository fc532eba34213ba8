import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { analyzeMany, createPool, ISOLATIONS, tagMany, type BatchFailure, type Isolation, type Pool } from "../src/batch/index.js";
import { inOrder } from "../src/batch/ordered.js";
import { runTask } from "../src/batch/tasks.js";
import { BATCH_V8_FLAGS } from "../src/batch/tiering.js";
import { GongwenError } from "../src/core/errors.js";
import { createAnalyzer } from "../src/analyzer.js";
import { tag } from "../src/analyzer.js";
import { compactIdf, idfTable, sharedCopy } from "../src/core/resources.js";
import { resourcesWith } from "../src/pipeline.js";
import { describeWithData, newsItems, seedText } from "./helpers/data.js";

const seed = seedText();
/** Real news items: the first records of the CCTV corpus. */
const news = newsItems(12);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("sharedCopy: read-only tables for every worker of a pool", () => {
  it("copies the tagger weights' typed arrays into SharedArrayBuffers, same type and contents", () => {
    const weights = resourcesWith().taggerWeights;
    const shared = sharedCopy(weights);
    for (const key of ["known", "rows", "transitions"] as const) {
      expect(shared[key].buffer, key).toBeInstanceOf(SharedArrayBuffer);
      expect(shared[key].constructor, key).toBe(weights[key].constructor);
      expect(Buffer.from(shared[key].buffer).equals(Buffer.from(weights[key].buffer, weights[key].byteOffset, weights[key].byteLength)), key).toBe(true);
    }
    expect(sharedCopy(shared).rows, "already shared: not copied again").toBe(shared.rows);
  });

  it("the compact IDF table scores every word of dict/idf.txt as the file does, unseen words the maximum, shared or not", () => {
    const lines = readFileSync(new URL("../dict/idf.txt", import.meta.url), "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    const pairs = lines.map((line) => line.split(" ") as [string, string]);
    expect(pairs.length).toBeGreaterThan(40_000);
    const max = Math.max(...pairs.map(([, value]) => Number(value)));
    const shipped = resourcesWith().idf;
    const shared = idfTable(sharedCopy(shipped.compact!));
    for (const table of [shipped, shared]) {
      expect(pairs.filter(([word, value]) => table.idf(word) !== Number(value))).toEqual([]);
      for (const unseen of ["", "不在表里的词", "𠀀", "发展改革委员会主任"]) expect(table.idf(unseen), unseen).toBe(max);
    }
    // a word given twice keeps its last value; a word that is a prefix of another is a word of its own
    const small = idfTable(compactIdf(["改革", "发展", "改革", "改"], [1, 2, 3, 4], 9));
    expect(["改革", "发展", "改", "革"].map((word) => small.idf(word))).toEqual([3, 2, 4, 9]);
  });
});

describe("inOrder", () => {
  it("yields results in input order when later items finish first, with bounded look-ahead", async () => {
    let started = 0;
    let maxAhead = 0;
    let consumed = 0;
    const delays = [30, 1, 20, 1, 10, 1];
    const results = inOrder(
      delays,
      async (delay, index) => {
        started += 1;
        maxAhead = Math.max(maxAhead, started - consumed);
        await new Promise((resolve) => setTimeout(resolve, delay));
        return index;
      },
      2,
    );
    const seen: number[] = [];
    for await (const index of results) {
      consumed += 1;
      seen.push(index);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(maxAhead).toBeLessThanOrEqual(2);
  });
});

/** Whether a process is alive (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Until `check` holds, polling (a process's exit is seen a moment after its parent's). */
async function eventually(check: () => boolean): Promise<void> {
  for (let tries = 0; !check() && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The pool's first worker killed from outside: its thread terminated, its process sent SIGKILL. */
async function killFirstWorker(pool: Pool, isolation: Isolation): Promise<void> {
  if (isolation === "thread") await pool.threads[0]!.terminate();
  else pool.processes[0]!.kill("SIGKILL");
}

const workersOf = (pool: Pool, isolation: Isolation) => (isolation === "thread" ? pool.threads : pool.processes);

for (const isolation of ISOLATIONS) describeWithData("corpus/xinwenlianbo", `worker pool on ${isolation} workers`, () => {
  let pool: Pool;
  beforeAll(() => {
    pool = createPool({ concurrency: 2, isolation });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("analyzeMany yields the same Docs, byte for byte and in order, as analyzing in this thread", async () => {
    const local = createAnalyzer();
    const texts = [seed, ...news.map((item) => item.text)];
    const docs = await collect(analyzeMany(texts, { pool }));
    expect(docs.map((doc) => JSON.stringify(doc))).toEqual(texts.map((text) => JSON.stringify(local.analyze(text))));
  });

  it("tagMany reads an async iterable of records and carries each id", async () => {
    async function* records() {
      for (const item of news.slice(0, 5)) yield { id: item.id, text: item.text };
    }
    const tags = await collect(tagMany(records(), { pool }));
    expect(tags.map((t) => t.id)).toEqual(news.slice(0, 5).map((item) => item.id));
    expect(tags[0]).toEqual({ id: news[0]!.id, ...tag(news[0]!.text) });
  });

  it("a record the worker rejects fails alone; the others come through in order", async () => {
    const failures: BatchFailure[] = [];
    const inputs = [news[0]!.text, 42 as unknown as string, news[1]!.text];
    const docs = await collect(analyzeMany(inputs, { pool, onError: (failure) => failures.push(failure) }));
    expect(docs.map((doc) => doc.text)).toEqual([news[0]!.text, news[1]!.text]);
    expect(failures).toEqual([{ index: 1, code: "INVALID_INPUT", message: expect.stringContaining("expected a string") }]);
  });

  it("without onError the first failure ends the iteration with its code", async () => {
    const small = createPool({ concurrency: 1, isolation, analyzer: { maxInputLength: 1000 } });
    try {
      const run = collect(tagMany([{ id: "ok", text: "学院召开党委会议。" }, { id: "big", text: seed }], { pool: small }));
      await expect(run).rejects.toThrow(GongwenError);
      await expect(run).rejects.toMatchObject({ code: "INPUT_TOO_LARGE", message: expect.stringContaining("record 1 (big)") });
    } finally {
      await small.close();
    }
  });

  it("bad analyzer options, met as a worker starts and loads its engine, fail each record with INVALID_OPTIONS", async () => {
    const bad = createPool({ concurrency: 1, isolation, analyzer: { engine: "pangu" as "nodejieba" } });
    try {
      const outcomes = await bad.runBatch({ op: "segment", format: "text", inputs: [{ text: "王鹏" }, { text: "指导组" }] });
      expect(outcomes).toEqual([1, 2].map(() => expect.objectContaining({ ok: false, code: "INVALID_OPTIONS" })));
    } finally {
      await bad.close();
    }
  });

  it("runBatch runs texts and raw JSON Lines in one message; each record fails alone, in place", async () => {
    const outcomes = await pool.runBatch({
      op: "tag",
      format: "jsonl",
      inputs: [
        { line: JSON.stringify(news[0]), number: 1 },
        { line: "{not json", number: 2 },
        { line: JSON.stringify({ text: news[1]!.text }), number: 3 },
        { text: news[2]!.text, id: "given" },
        { line: JSON.stringify({ id: "x", body: "no text" }), number: 5 },
      ],
    });
    expect(outcomes).toEqual([
      { ok: true, value: JSON.stringify({ id: news[0]!.id, ...tag(news[0]!.text) }), id: news[0]!.id },
      { ok: false, code: "INVALID_INPUT", message: expect.stringMatching(/^not JSON \(/) },
      { ok: true, value: JSON.stringify({ id: 3, ...tag(news[1]!.text) }), id: 3 },
      { ok: true, value: JSON.stringify({ id: "given", ...tag(news[2]!.text) }) },
      { ok: false, code: "INVALID_INPUT", message: 'no "text" string' },
    ]);
  });

  it("a worker killed mid-record fails that record with WORKER_FAILED; the pool replaces it and goes on", async () => {
    // Warm both workers so that each is idle with its analyzer loaded before the long records arrive.
    await Promise.all([pool.run({ op: "segment", text: "预热", format: "text" }), pool.run({ op: "segment", text: "预热", format: "text" })]);
    // Seconds of work that never enters nodejieba (a digit run is tokenised by gongwen's own scanner): a thread
    // terminated inside nodejieba's native code aborts the whole process (an addon limitation, see the README).
    const long = "7".repeat(2_000_000);
    const inFlight = [0, 1].map((id) => pool.run({ op: "tag", text: long, format: "jsonl", id }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await killFirstWorker(pool, isolation);
    const outcomes = await Promise.all(inFlight);
    const failed = outcomes.filter((outcome) => !outcome.ok);
    expect(failed).toEqual([{ ok: false, code: "WORKER_FAILED", message: expect.any(String) }]);
    const survivor = outcomes.find((outcome) => outcome.ok);
    expect(JSON.parse(survivor!.value as string).schemaVersion).toBe("1.0.0");
    // The pool is whole again: both workers answer.
    const after = await Promise.all(news.slice(0, 4).map((item) => pool.run({ op: "segment", text: item.text, format: "text" })));
    expect(after.every((outcome) => outcome.ok)).toBe(true);
    expect(workersOf(pool, isolation)).toHaveLength(2);
  });

  it("closes cleanly once the pending tasks finish: no worker is left, a task after close fails as data", async () => {
    const short = createPool({ concurrency: 2, isolation });
    const pids = short.processes.map((child) => child.pid!);
    expect(pids).toHaveLength(isolation === "process" ? 2 : 0);
    const pending = news.slice(0, 4).map((item) => short.run({ op: "segment", text: item.text, format: "text" }));
    await short.close();
    expect((await Promise.all(pending)).every((outcome) => outcome.ok)).toBe(true);
    expect(workersOf(short, isolation)).toHaveLength(0);
    expect(pids.filter(alive)).toEqual([]);
    const late = await short.run({ op: "segment", text: "王鹏", format: "text" });
    expect(late).toMatchObject({ ok: false, code: "WORKER_FAILED" });
  });
});

describeWithData("corpus/xinwenlianbo", "process pool", () => {
  it("refuses an unknown isolation with INVALID_OPTIONS", () => {
    expect(() => createPool({ isolation: "fiber" as Isolation })).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
  });

  it("a worker process killed while idle is replaced by the next batch; the others are untouched", async () => {
    const pool = createPool({ concurrency: 2, isolation: "process" });
    try {
      const [first, second] = pool.processes.map((child) => child.pid!);
      const exited = new Promise((resolve) => pool.processes[0]!.once("exit", resolve));
      pool.processes[0]!.kill("SIGKILL");
      await exited;
      expect(pool.processes.map((child) => child.pid)).toEqual([second]);
      const texts = news.slice(0, 3).map((item) => item.text);
      const outcomes = await Promise.all(texts.map((text) => pool.run({ op: "segment", text, format: "text" })));
      const local = createAnalyzer();
      expect(outcomes).toEqual(texts.map((text) => ({ ok: true, value: runTask(local, undefined, { op: "segment", text, format: "text" }) })));
      expect(pool.processes).toHaveLength(2);
      expect(pool.processes.map((child) => child.pid)).not.toContain(first);
    } finally {
      await pool.close();
    }
  });

  it("its worker processes run under the batch tiering flags and tag as this thread does", async () => {
    const pool = createPool({ concurrency: 1, isolation: "process" });
    try {
      expect(pool.processes[0]!.spawnargs).toEqual(expect.arrayContaining([...BATCH_V8_FLAGS]));
      const text = news[0]!.text;
      const outcome = await pool.run({ op: "tag", text, format: "jsonl" });
      expect(outcome).toEqual({ ok: true, value: runTask(createAnalyzer(), undefined, { op: "tag", text, format: "jsonl" }) });
    } finally {
      await pool.close();
    }
  });

  it("a batch that cannot be sent fails as data and the worker goes on", async () => {
    const pool = createPool({ concurrency: 1, isolation: "process" });
    try {
      const unsendable = await pool.run({ op: "segment", text: (() => "王鹏") as unknown as string, format: "text" });
      expect(unsendable).toMatchObject({ ok: false, code: "WORKER_FAILED" });
      expect(await pool.run({ op: "segment", text: "王鹏", format: "text" })).toEqual({ ok: true, value: "王鹏" });
    } finally {
      await pool.close();
    }
  });

  it("its workers exit when the process that owns the pool dies (no orphans)", async () => {
    const script = `
      import { createPool } from ${JSON.stringify(new URL("../src/batch/pool.ts", import.meta.url).href)};
      const pool = createPool({ concurrency: 2, isolation: "process" });
      console.log(JSON.stringify(pool.processes.map((child) => child.pid)));
      setInterval(() => {}, 1000);`;
    const owner = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const pids = await new Promise<number[]>((resolve) => owner.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as number[])));
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    owner.kill("SIGKILL");
    await eventually(() => !pids.some(alive));
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe("tag options reach the workers' analyzer", () => {
  it("tagMany with userWords gives exactly tag(text, { userWords })", async () => {
    const options = { userWords: ["把握服务转型发展", "凝炼精神"] };
    const results = await collect(tagMany([{ id: "seed", text: seed }], { concurrency: 1, tag: options }));
    const { id: _id, ...fromPool } = results[0] as Record<string, unknown>;
    expect(fromPool).toEqual(JSON.parse(JSON.stringify(tag(seed, options))));
  });
});
