/**
 * Child process of the segmentation benchmarks: `tsx bench/lib/segment-child.ts <segmenter> <words|speed> <files…>`.
 * words: prints the words of every line as JSON. speed: times load and throughput, prints one JSON object.
 */
import { readFileSync } from "node:fs";
import { median } from "./data.js";
import { loadSegmenter, type SegmenterName } from "./segmenters.js";

const [name, task, ...files] = process.argv.slice(2) as [SegmenterName, "words" | "speed", ...string[]];
const started = performance.now();
const cut = await loadSegmenter(name);
cut("预热：加载词典");
const coldMs = performance.now() - started;
const lines = files.flatMap((f) => readFileSync(f, "utf8").split(/\r?\n/)).filter((l) => l.length > 0);

if (task === "words") {
  process.stdout.write(JSON.stringify(lines.map((line) => cut(line.replace(/\s+/g, "")))));
} else {
  const chars = lines.reduce((n, l) => n + l.length, 0);
  const bytes = Buffer.byteLength(lines.join(""), "utf8");
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (const line of lines) cut(line);
    runs.push(performance.now() - t);
  }
  const ms = median(runs.slice(2));
  // the first pass is reported too: gongwen remembers each word's tag (src/segment/jieba.ts), so its warm runs
  // see only known words, the first pass sees this text's vocabulary for the first time
  const mbPerSec = (runMs: number) => bytes / 1e6 / (runMs / 1000);
  process.stdout.write(
    JSON.stringify({ name, coldMs, ms, chars, mbPerSec: mbPerSec(ms), firstPassMbPerSec: mbPerSec(runs[0]!), rssMb: process.memoryUsage().rss / 1e6 }),
  );
}
