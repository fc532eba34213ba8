/**
 * Child process of bench/process-scaling.ts for the workloads that are not segmenters:
 * `node bench/lib/scaling-child.mjs <arithmetic|tag> [corpus.jsonl]` prints `{ "perSec": N }`.
 *
 * arithmetic: an integer loop that touches no memory, allocates nothing and compiles once: what two processes get
 * from this machine's two cores when nothing else (caches, memory, JIT, GC) is shared, the ceiling of any speed-up.
 * tag: gongwen's built `tag()` on CCTV news items, first warmed on 3,000 items (V8 compiles gongwen's hot code
 * over the first few thousand), then timed on the next 2,000: the steady state of one batch or queue worker.
 */
import { readFileSync } from "node:fs";

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

async function tagItems() {
  const { tag } = await import(new URL("../../dist/index.js", import.meta.url).href);
  const texts = [];
  for (const line of readFileSync(corpus, "utf8").split("\n")) {
    if (texts.length === 5000) break;
    if (line) texts.push(JSON.parse(line).text);
  }
  for (const text of texts.slice(0, 3000)) tag(text);
  const timed = texts.slice(3000);
  const started = performance.now();
  for (const text of timed) tag(text);
  return { perSec: timed.length / ((performance.now() - started) / 1000) };
}

const result = workload === "arithmetic" ? arithmetic() : workload === "tag" ? await tagItems() : undefined;
if (!result) throw new Error(`unknown workload ${workload}`);
process.stdout.write(JSON.stringify(result));
