/**
 * Child process of the segmentation benchmarks: `node bench/lib/segment-child.mjs <segmenter> <words|speed> <files…>`.
 * words: prints the words of every line as JSON. speed: times load and seven passes over the lines, prints one JSON object.
 *
 * Plain JavaScript run by plain Node (no tsx loader, whose hook thread and transforms would add their own memory
 * and time to every system's cold start and RSS); gongwen is loaded from the built package, as users load it.
 * The systems are those of segmenters.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function from a line to its words (whitespace tokens dropped). */
async function loadSegmenter(name) {
  switch (name) {
    case "gongwen":
    case "gongwen-node-rs": {
      const built = new URL("../../dist/index.js", import.meta.url);
      if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first");
      const { createAnalyzer } = await import(built.href);
      const analyzer = createAnalyzer({ engine: name === "gongwen" ? "nodejieba" : "node-rs" });
      return (line) => analyzer.segment(line).filter((t) => t.kind !== "space").map((t) => t.text);
    }
    case "nodejieba-cut":
    case "nodejieba-cut-hmm":
    case "nodejieba-tag": {
      const nodejieba = require("nodejieba");
      if (name === "nodejieba-tag") return (line) => nodejieba.tag(line).map((w) => w.word);
      const hmm = name === "nodejieba-cut-hmm";
      return (line) => nodejieba.cut(line, hmm);
    }
    case "node-rs-jieba":
    case "node-rs-jieba-hmm": {
      const { Jieba } = require("@node-rs/jieba");
      const { dict } = require("@node-rs/jieba/dict");
      const jieba = Jieba.withDict(dict);
      const hmm = name === "node-rs-jieba-hmm";
      return (line) => jieba.cut(line, hmm);
    }
    case "intl-segmenter": {
      const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
      return (line) => Array.from(segmenter.segment(line), (s) => s.segment);
    }
    default:
      throw new Error(`unknown segmenter ${name}`);
  }
}

const [name, task, ...files] = process.argv.slice(2);
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
  const runsMs = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (const line of lines) cut(line);
    runsMs.push(performance.now() - t);
  }
  // the parent takes the median of the warm runs; the first pass matters too (gongwen remembers each word's tag,
  // src/segment/jieba.ts, so only its first pass meets this text's vocabulary for the first time)
  process.stdout.write(JSON.stringify({ name, coldMs, runsMs, chars, bytes, rssMb: process.memoryUsage().rss / 1e6 }));
}
