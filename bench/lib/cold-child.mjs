/**
 * Child process of bench/cold-start.ts, plain Node (no tsx loader) on the built package. Prints one JSON object.
 *
 *   node bench/lib/cold-child.mjs <package folder> first <system> <text file>
 *     a fresh process's import and first call on the text; `phases` splits gongwen's time into import, the
 *     engine's dictionaries (first segment) and the other stages' resources (first analyze after that); `cpuMs`
 *     is the process's CPU time by then, Node's own start included
 *   node bench/lib/cold-child.mjs <package folder> workers <kind> <count> <text file>
 *     process RSS once `count` workers have each made their first call on the text (kind `gongwen nodejieba
 *     process`: a process pool, its worker processes' RSS added)
 * gongwen is the package built in <package folder> (dist/ beside dict/); the engines are this checkout's.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);
const [folder, task, system, ...rest] = process.argv.slice(2);
const dist = pathToFileURL(join(folder, "dist/index.js")).href;
const rssMb = () => process.memoryUsage().rss / 1e6;

/** A fresh process to its first result: ms since start of the import, and the phases of gongwen's. */
async function first(system, text) {
  const started = performance.now();
  const since = () => performance.now() - started;
  switch (system) {
    case "nodejieba": {
      require("nodejieba").tag(text);
      return { ms: since() };
    }
    case "@node-rs/jieba": {
      const { Jieba } = require("@node-rs/jieba");
      Jieba.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt"))).tag(text, true);
      return { ms: since() };
    }
    default: {
      const [call, engine] = system.split(" ");
      const { createAnalyzer } = await import(dist);
      const imported = since();
      const analyzer = createAnalyzer({ engine });
      analyzer.segment(text);
      const segmented = since();
      if (call === "analyze") analyzer.analyze(text);
      return { ms: since(), phases: { import: imported, engine: segmented - imported, stages: since() - segmented } };
    }
  }
}

/** A worker thread that only loads nodejieba and tags the text once. */
const NODEJIEBA_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
require(workerData.nodejieba).tag(workerData.text);
parentPort.postMessage("ready");`;

async function workers(kind, count, text) {
  if (kind === "nodejieba") {
    const threads = Array.from({ length: count }, () => new Worker(NODEJIEBA_WORKER, { eval: true, workerData: { text, nodejieba: require.resolve("nodejieba") } }));
    await Promise.all(threads.map((thread) => new Promise((done) => thread.once("message", done))));
    const rss = rssMb();
    await Promise.all(threads.map((thread) => thread.terminate()));
    return { rssMb: rss };
  }
  // "gongwen <engine> [process]": the pool's own workers, threads or (with "process") processes
  const { createPool } = await import(dist);
  const [, engine, isolation = "thread"] = kind.split(" ");
  const pool = createPool({ concurrency: count, analyzer: { engine }, isolation });
  // one task per worker at once: the pool gives each idle worker one
  const outcomes = await Promise.all(Array.from({ length: count }, () => pool.run({ op: "analyze", format: "value", text })));
  if (outcomes.some((outcome) => !outcome.ok)) throw new Error(JSON.stringify(outcomes));
  // a process pool's memory is its processes': theirs added to this one's (a build from before process pools has none)
  const workerKb = (pool.processes ?? []).reduce((sum, child) => sum + Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]), 0);
  const rss = rssMb() + (workerKb * 1024) / 1e6;
  await pool.close();
  return { rssMb: rss };
}

const text = readFileSync(rest.at(-1), "utf8");
/** CPU time of this process so far (every thread), ms: on a shared machine less noisy than wall time. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const result = task === "first" ? { ...(await first(system, text)), cpuMs: cpuMs(), rssMb: rssMb() } : await workers(system, Number(rest[0]), text);
process.stdout.write(JSON.stringify(result));
