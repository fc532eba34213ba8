/**
 * Child process of bench/process-scaling.ts for the workloads that are not segmenters:
 * `node bench/lib/scaling-child.mjs <arithmetic|tag> [corpus.jsonl]` prints `{ "perSec": N }`.
 *
 * arithmetic: an integer loop that touches no memory, allocates nothing and compiles once: what two processes get
 * from this machine's two cores when nothing else (caches, memory, JIT, GC) is shared, the ceiling of any speed-up.
 * tag: gongwen's built `tag()` on CCTV news items, first warmed on 3,000 items (V8 compiles gongwen's hot code
 * over the first few thousand), then timed on the next 2,000: the steady state of one batch or queue worker.
 * cold <corpus> <from> <count>: a fresh process's import of gongwen and tag() on items from..from+count, timed
 * from the import (after reading the items, which the CLI streams): one half of the cold yardstick, run with the
 * batch tiering flags as the CLI runs (bench/lib/scaling.ts).
 * pool <corpus> <thread|process> <workers>: the same on a warm pool of that many workers (createPool, runBatch of 16 texts,
 * as the CLI sends them): 3,000 items per worker untimed, then 2,000 per worker timed; `perSec` is the pool's, and
 * `cpuMsPerDoc` the CPU of this process and its children over the timed part (all threads).
 */
import { readdirSync, readFileSync } from "node:fs";

const [workload, corpus] = process.argv.slice(2);

function arithmetic() {
  const rounds = 1e9;
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < rounds; i++) x = (x + i * 7) | 0;
  const ms = performance.now() - started;
  // x is printed so that the loop cannot be optimised away
  return { perSec: rounds / (ms / 1000), check: x };
}

/** The first `count` texts of the corpus. */
function corpusTexts(count) {
  const texts = [];
  for (const line of readFileSync(corpus, "utf8").split("\n")) {
    if (texts.length === count) break;
    if (line) texts.push(JSON.parse(line).text);
  }
  return texts;
}

async function coldItems(from, count) {
  const texts = corpusTexts(from + count).slice(from);
  const started = performance.now();
  const { tag } = await import(new URL("../../dist/index.js", import.meta.url).href);
  for (const text of texts) tag(text);
  const seconds = (performance.now() - started) / 1000;
  return { perSec: texts.length / seconds, seconds };
}

async function tagItems() {
  const { tag } = await import(new URL("../../dist/index.js", import.meta.url).href);
  const texts = corpusTexts(5000);
  for (const text of texts.slice(0, 3000)) tag(text);
  const timed = texts.slice(3000);
  const started = performance.now();
  for (const text of timed) tag(text);
  return { perSec: timed.length / ((performance.now() - started) / 1000) };
}

/** CPU ms so far of this process and its child processes (utime + stime, all threads; USER_HZ is 100). */
function treeCpuMs() {
  const ticks = (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  };
  const children = readdirSync("/proc/self/task").flatMap((tid) =>
    readFileSync(`/proc/self/task/${tid}/children`, "utf8").split(" ").filter(Boolean),
  );
  return [process.pid, ...children].reduce((sum, pid) => sum + ticks(pid), 0) * 10;
}

/** Runs all `texts` through the pool in batches of 16, two batches in flight per worker. */
async function throughPool(pool, texts) {
  const batches = [];
  for (let at = 0; at < texts.length; at += 16) batches.push(texts.slice(at, at + 16).map((text) => ({ text })));
  let next = 0;
  const feed = async () => {
    while (next < batches.length) {
      const outcomes = await pool.runBatch({ op: "tag", format: "jsonl", inputs: batches[next++] });
      if (!outcomes.every((outcome) => outcome.ok)) throw new Error(JSON.stringify(outcomes.find((outcome) => !outcome.ok)));
    }
  };
  await Promise.all(Array.from({ length: pool.concurrency * 2 }, feed));
}

async function poolItems(isolation, workers) {
  const { createPool } = await import(new URL("../../dist/index.js", import.meta.url).href);
  const texts = corpusTexts(5000 * workers);
  const pool = createPool({ concurrency: workers, isolation });
  try {
    await throughPool(pool, texts.slice(0, 3000 * workers));
    const timed = texts.slice(3000 * workers);
    const cpu = treeCpuMs();
    const started = performance.now();
    await throughPool(pool, timed);
    const seconds = (performance.now() - started) / 1000;
    return { perSec: timed.length / seconds, cpuMsPerDoc: (treeCpuMs() - cpu) / timed.length };
  } finally {
    await pool.close();
  }
}

const result =
  workload === "arithmetic"
    ? arithmetic()
    : workload === "tag"
      ? await tagItems()
      : workload === "cold"
        ? await coldItems(Number(process.argv[4]), Number(process.argv[5]))
        : workload === "pool"
          ? await poolItems(process.argv[4], Number(process.argv[5]))
          : undefined;
if (!result) throw new Error(`unknown workload ${workload}`);
process.stdout.write(JSON.stringify(result));
