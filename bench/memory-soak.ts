/**
 * Resource hygiene: 100,000 `analyze` calls in one process over real news items, RSS and heap sampled every
 * 5,000 calls. After warm-up the numbers must stay flat (no growth that scales with the number of calls).
 *
 *   npx tsx bench/memory-soak.ts [calls]
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { analyze } from "../src/index.js";
import { dataPath, printTable } from "./lib/data.js";

const calls = Number(process.argv[2] ?? 100_000);
const texts: string[] = [];
for await (const line of createInterface({ input: createReadStream(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl")) })) {
  texts.push((JSON.parse(line) as { text: string }).text);
  if (texts.length === 500) break;
}

const rows: (string | number)[][] = [];
const mb = (n: number) => (n / 1e6).toFixed(0);
const started = performance.now();
for (let i = 1; i <= calls; i++) {
  analyze(texts[i % texts.length]!);
  if (i % 5_000 === 0) {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    rows.push([i, mb(rss), mb(heapUsed), ((performance.now() - started) / 1000).toFixed(0)]);
  }
}
console.log(`\n${calls} analyze() calls over ${texts.length} news items${globalThis.gc ? "" : " (run with --expose-gc for exact heap figures)"}`);
printTable(["calls", "RSS MB", "heap MB", "seconds"], rows);
const warm = rows.slice(Math.floor(rows.length / 4));
const growth = Number(warm.at(-1)![1]) - Number(warm[0]![1]);
console.log(`RSS growth after warm-up: ${growth} MB`);
