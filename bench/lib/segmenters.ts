/**
 * The segmenters compared in bench/: gongwen and its peers. Each runs only inside a child process of its own
 * (bench/lib/segment-child.mjs, which knows how to load each): nodejieba's dictionaries are process-global, and
 * cold start and RSS are measured per system.
 */
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
