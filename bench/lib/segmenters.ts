/**
 * The segmenters compared in bench/: gongwen and its peers. Each runs only inside a child process of its own
 * (bench/lib/segment-child.mjs, which knows how to load each): nodejieba's dictionaries are process-global, and
 * cold start and RSS are measured per system.
 */
import { median } from "./data.js";

export type SegmenterName = "gongwen" | "gongwen-node-rs" | "nodejieba-cut" | "nodejieba-cut-hmm" | "nodejieba-tag" | "node-rs-jieba" | "node-rs-jieba-hmm" | "intl-segmenter";

export const SEGMENTERS: SegmenterName[] = [
  "gongwen",
  "gongwen-node-rs",
  "nodejieba-cut",
  "nodejieba-cut-hmm",
  "nodejieba-tag",
  "node-rs-jieba",
  "node-rs-jieba-hmm",
  "intl-segmenter",
];

/** What a child prints for one system. */
export interface ChildResult {
  name: SegmenterName;
  coldMs: number;
  runsMs: number[];
  chars: number;
  bytes: number;
  rssMb: number;
}

export interface SpeedResult extends ChildResult {
  mbPerSec: number;
  firstPassMbPerSec: number;
}

/** Throughput of the warm runs (the median of all but the first two) and of the first pass. */
export function speedOf(result: ChildResult): SpeedResult {
  const mbPerSec = (ms: number) => result.bytes / 1e6 / (ms / 1000);
  return { ...result, mbPerSec: mbPerSec(median(result.runsMs.slice(2))), firstPassMbPerSec: mbPerSec(result.runsMs[0]!) };
}
