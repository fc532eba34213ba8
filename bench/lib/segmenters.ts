/**
 * The segmenters compared in bench/: gongwen and its peers. Each is loaded lazily and only inside a child
 * process of its own (nodejieba's dictionaries are process-global, and cold start and RSS are measured per system).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export type SegmenterName = "gongwen" | "nodejieba-cut" | "nodejieba-cut-hmm" | "nodejieba-tag" | "node-rs-jieba" | "node-rs-jieba-hmm" | "intl-segmenter";

export const SEGMENTERS: SegmenterName[] = [
  "gongwen",
  "nodejieba-cut",
  "nodejieba-cut-hmm",
  "nodejieba-tag",
  "node-rs-jieba",
  "node-rs-jieba-hmm",
  "intl-segmenter",
];

const require = createRequire(import.meta.url);

/** Returns a function from a line to its words (whitespace tokens dropped). */
export async function loadSegmenter(name: SegmenterName): Promise<(line: string) => string[]> {
  switch (name) {
    case "gongwen": {
      // the built package when there is one (what users load; tsx would add its compile time to the cold start)
      const built = new URL("../../dist/index.js", import.meta.url);
      const { segment } = (await import(existsSync(built) ? built.href : "../../src/index.js")) as typeof import("../../src/index.js");
      return (line) => segment(line).filter((t) => t.kind !== "space").map((t) => t.text);
    }
    case "nodejieba-cut":
    case "nodejieba-cut-hmm":
    case "nodejieba-tag": {
      const nodejieba = require("nodejieba") as typeof import("nodejieba");
      if (name === "nodejieba-tag") return (line) => nodejieba.tag(line).map((w) => w.word);
      const hmm = name === "nodejieba-cut-hmm";
      return (line) => nodejieba.cut(line, hmm);
    }
    case "node-rs-jieba":
    case "node-rs-jieba-hmm": {
      const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
      const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
      const jieba = Jieba.withDict(dict);
      const hmm = name === "node-rs-jieba-hmm";
      return (line) => jieba.cut(line, hmm);
    }
    case "intl-segmenter": {
      const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
      return (line) => Array.from(segmenter.segment(line), (s) => s.segment);
    }
  }
}
