/**
 * Writes dict/entity-tagger-clusters.txt: a binary tree of Han characters clustered by the characters around them
 * in unlabelled text, for the entity tagger's cluster features (src/entities/tagger.ts). The classic semi-supervised
 * gain for perceptron and CRF taggers: a character the labelled sets rarely show shares weights with the
 * characters that keep the same company in a large corpus (given-name characters, place endings, verbs of speech).
 *
 *   npx tsx bench/tools/build-char-clusters.ts
 *
 * Text: the 新闻联播 items (../shared/data/corpus/xinwenlianbo, corpus statistics only), the policy documents
 * (../shared/data/policy) and the training sets' text without their labels (train-ner-sets.ts; never a test set).
 * Each character with `MIN_COUNT` occurrences is a vector of its left and right neighbours' distributions over the
 * `CONTEXTS` most frequent characters (and four classes for the rest), square-rooted (Hellinger) and normalised;
 * bisecting spherical 2-means splits the characters `DEPTH` times, so a character's path is `DEPTH` bits and its
 * prefixes are coarser clusters. Deterministic: no random start.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { dataPath, projectRoot } from "../lib/data.js";
import { readTrainingSet, SET_NAMES } from "./train-ner-sets.js";
import { CLUSTER_DEPTH } from "../../src/entities/tagger.js";

const MIN_COUNT = 5;
const CONTEXTS = 600;
const ITERATIONS = 12;

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

function corpusTexts(): string[] {
  const items = readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
  const policy = readdirSync(dataPath("policy")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(dataPath(`policy/${f}`), "utf8"));
  const training = SET_NAMES.flatMap((name) => readTrainingSet(name).map((s) => s.text));
  console.log(`${items.length} 新闻联播 items, ${policy.length} policy documents, ${training.length} training sentences`);
  return [...items, ...policy, ...training];
}

/** Context slot of a neighbour: its rank among the frequent characters, else one of four classes. */
function contextSlots(counts: Map<number, number>): (c: number) => number {
  const frequent = new Map([...counts].sort((a, b) => b[1] - a[1]).slice(0, CONTEXTS).map(([c], rank) => [c, rank]));
  return (c) => {
    const rank = frequent.get(c);
    if (rank !== undefined) return rank;
    if (c < 0) return CONTEXTS; // text boundary
    if (isHan(c)) return CONTEXTS + 1;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return CONTEXTS + 2;
    return CONTEXTS + 3;
  };
}

const texts = corpusTexts();
const counts = new Map<number, number>();
for (const text of texts) for (let i = 0; i < text.length; i++) counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
const slot = contextSlots(counts);
const chars = [...counts].filter(([c, n]) => isHan(c) && n >= MIN_COUNT).map(([c]) => c).sort((a, b) => a - b);
const rowOf = new Map(chars.map((c, r) => [c, r]));
const D = 2 * (CONTEXTS + 4);
const vectors = new Float32Array(chars.length * D);
for (const text of texts) {
  for (let i = 0; i < text.length; i++) {
    const r = rowOf.get(text.charCodeAt(i));
    if (r === undefined) continue;
    vectors[r * D + slot(i > 0 ? text.charCodeAt(i - 1) : -1)]! += 1;
    vectors[r * D + CONTEXTS + 4 + slot(i + 1 < text.length ? text.charCodeAt(i + 1) : -1)]! += 1;
  }
}
for (let r = 0; r < chars.length; r++) {
  const v = vectors.subarray(r * D, r * D + D);
  for (const half of [v.subarray(0, D / 2), v.subarray(D / 2)]) {
    const total = half.reduce((a, b) => a + b, 0);
    for (let d = 0; d < half.length; d++) half[d] = Math.sqrt(half[d]! / total);
  }
  const norm = Math.hypot(...v);
  for (let d = 0; d < D; d++) v[d]! /= norm;
}

const dot = (r: number, centroid: Float32Array) => {
  let s = 0;
  for (let d = 0; d < D; d++) s += vectors[r * D + d]! * centroid[d]!;
  return s;
};

/** The mean direction of some rows, normalised. */
function centroidOf(rows: readonly number[]): Float32Array {
  const c = new Float32Array(D);
  for (const r of rows) for (let d = 0; d < D; d++) c[d]! += vectors[r * D + d]!;
  const norm = Math.hypot(...c) || 1;
  return c.map((x) => x / norm);
}

/**
 * Splits rows in two by spherical 2-means, started from the halves either side of their principal direction (power
 * iteration from a fixed vector): a start from the farthest rows splits off outliers one by one.
 */
function split(rows: readonly number[]): [number[], number[]] {
  const mean = new Float32Array(D);
  for (const r of rows) for (let d = 0; d < D; d++) mean[d]! += vectors[r * D + d]! / rows.length;
  const offset = (direction: Float32Array) => mean.reduce((s, m, d) => s + m * direction[d]!, 0);
  let direction = new Float32Array(D).map((_, d) => Math.sin(d + 1));
  for (let it = 0; it < 20; it++) {
    const next = new Float32Array(D);
    const o = offset(direction);
    for (const r of rows) {
      const p = dot(r, direction) - o;
      for (let d = 0; d < D; d++) next[d]! += p * (vectors[r * D + d]! - mean[d]!);
    }
    const norm = Math.hypot(...next) || 1;
    direction = next.map((x) => x / norm);
  }
  const middle = offset(direction);
  const side = (r: number) => dot(r, direction) >= middle;
  let a: Float32Array = centroidOf(rows.filter(side));
  let b: Float32Array = centroidOf(rows.filter((r) => !side(r)));
  let left: number[] = [];
  let right: number[] = [];
  for (let it = 0; it < ITERATIONS; it++) {
    left = rows.filter((r) => dot(r, a) >= dot(r, b));
    right = rows.filter((r) => dot(r, a) < dot(r, b));
    if (left.length === 0 || right.length === 0) break;
    a = centroidOf(left);
    b = centroidOf(right);
  }
  return [left, right];
}

const paths = new Map<number, string>();
let level: { rows: number[]; path: string }[] = [{ rows: chars.map((_, r) => r), path: "" }];
for (let depth = 0; depth < CLUSTER_DEPTH; depth++) {
  level = level.flatMap(({ rows, path }) => {
    if (rows.length < 2) return [{ rows, path: `${path}0` }];
    const [left, right] = split(rows);
    return [{ rows: left, path: `${path}0` }, { rows: right, path: `${path}1` }];
  });
  console.log(`depth ${depth + 1}: ${level.filter((n) => n.rows.length > 0).length} clusters`);
}
for (const { rows, path } of level) for (const r of rows) paths.set(chars[r]!, path);

const header = [
  "# gongwen entity tagger: Han characters clustered by their neighbours in unlabelled text (src/entities/tagger.ts cluster features).",
  "# Written by bench/tools/build-char-clusters.ts (bisecting spherical 2-means over left/right neighbour distributions,",
  `#   ${chars.length} characters seen ${MIN_COUNT} times or more, ${CLUSTER_DEPTH} bits a path) from: 新闻联播 transcripts (DuckBurnIncense/xin-wen-lian-bo`,
  "#   ae8d591d, CCTV's text, used for corpus statistics only), the policy documents of ../shared/data/policy, and the text",
  "#   (no labels) of the tagger's training sets (People's Daily example.dev, MSRA train, CLUENER2020, BosonNLP, Resume, Weibo;",
  "#   research use, no licence file). Format: character, tab, its path of bits (prefixes are coarser clusters).",
];
const lines = [...paths].sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[0] - y[0])).map(([c, path]) => `${String.fromCharCode(c)}\t${path}`);
writeFileSync(resolve(projectRoot, "dict/entity-tagger-clusters.txt"), `${[...header, ...lines].join("\n")}\n`);
console.log(`wrote dict/entity-tagger-clusters.txt (${lines.length} characters)`);
