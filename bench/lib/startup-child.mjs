/**
 * Child process of bench/stage-cost.ts, one fresh process per measurement; prints one JSON object.
 *
 *   node startup-child.mjs <package folder> <text file> cold gongwen|nodejieba
 *     milliseconds from the process's start to the first result (gongwen: import + analyze(); nodejieba: require +
 *     tag()) and the RSS then
 *   node startup-child.mjs <package folder> <text file> workers gongwen|nodejieba <count>
 *     the process's RSS once <count> worker threads have each produced a first result: gongwen's pool workers
 *     (createPool, one analyze task each) or plain worker threads that only load nodejieba and tag() the text
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const [folder, textFile, what, system, countArg] = process.argv.slice(2);
const text = readFileSync(textFile, "utf8");
const gongwen = () => import(pathToFileURL(join(folder, "dist/index.js")).href);
const nodejiebaPath = createRequire(join(folder, "package.json")).resolve("nodejieba");
const rssMb = () => process.memoryUsage().rss / 1e6;

if (what === "cold") {
  if (system === "gongwen") (await gongwen()).analyze(text);
  else createRequire(import.meta.url)(nodejiebaPath).tag(text);
  process.stdout.write(JSON.stringify({ ms: performance.now(), rssMb: rssMb() }));
} else {
  const count = Number(countArg);
  if (system === "gongwen") {
    const pool = (await gongwen()).createPool({ concurrency: count });
    // every worker is busy loading on its first task, so each of the first `count` tasks goes to another worker
    const outcomes = await Promise.all(Array.from({ length: count * 2 }, () => pool.run({ op: "analyze", format: "jsonl", text })));
    if (!outcomes.every((o) => o.ok)) throw new Error(`a pool task failed: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
    process.stdout.write(JSON.stringify({ rssMb: rssMb() }));
    await pool.close();
  } else {
    const source = `const { parentPort, workerData } = require("node:worker_threads");
      require(workerData.nodejiebaPath).tag(workerData.text);
      parentPort.postMessage("ready");
      parentPort.once("message", () => process.exit(0));`;
    const workers = Array.from({ length: count }, () => new Worker(source, { eval: true, workerData: { nodejiebaPath, text } }));
    await Promise.all(workers.map((w) => new Promise((ready) => w.once("message", ready))));
    process.stdout.write(JSON.stringify({ rssMb: rssMb() }));
    for (const worker of workers) worker.postMessage("exit");
  }
}
