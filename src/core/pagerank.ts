/**
 * Weighted PageRank on an undirected graph, the ranking step of TextRank (words) and LexRank (sentences).
 */
import { Scratch } from "./scratch.js";

/**
 * Scores are Float64Arrays throughout (never number[], whose element kind switches between small integers and
 * doubles as values arrive): the code that reads them then stays optimised in every new worker.
 */
export type Scores = Float64Array;

/** Scores of `items`, computed by `score`. */
export const scoresOf = <T>(items: readonly T[], score: (item: T, index: number) => number): Scores =>
  Float64Array.from(items, score);

/** Index of the largest value (-1 for none); a loop, because spreading a long array into Math.max overflows. */
export function argMax(values: Scores): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

/** `values` divided by their maximum, in place (all zeros when none is positive). */
export function scaleToMax(values: Scores): Scores {
  const max = values[argMax(values)] ?? 0;
  for (let i = 0; i < values.length; i++) values[i] = max > 0 ? values[i]! / max : 0;
  return values;
}

const DAMPING = 0.85;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-6;

/**
 * An undirected weighted graph as flat rows: node a's neighbours are to[first[a]…first[a + 1]), ascending, with the
 * weights alongside, each edge in both rows. What pageRankOfRows iterates over.
 */
export interface EdgeRows {
  size: number;
  first: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/**
 * `keys` (each a * size + b with a, b < size) in ascending order, into `out`: a counting sort by b, then a stable one
 * by a, linear in keys and nodes where a comparison sort of a typed array costs V8 a copy and n log n calls.
 */
function sortEdgeKeys(size: number, keys: Float64Array, out: Float64Array): Float64Array {
  const byB = ROWS.sorting.take(keys.length);
  const count = ROWS.count.take(size + 1);
  for (let k = 0; k < keys.length; k++) count[keys[k]! - Math.floor(keys[k]! / size) * size + 1]!++;
  for (let x = 0; x < size; x++) count[x + 1]! += count[x]!;
  for (let k = 0; k < keys.length; k++) byB[count[keys[k]! - Math.floor(keys[k]! / size) * size]!++] = keys[k]!;
  count.fill(0);
  for (let k = 0; k < keys.length; k++) count[Math.floor(byB[k]! / size) + 1]!++;
  for (let x = 0; x < size; x++) count[x + 1]! += count[x]!;
  for (let k = 0; k < keys.length; k++) out[count[Math.floor(byB[k]! / size)]!++] = byB[k]!;
  return out;
}

/**
 * The rows of the undirected graph whose edges are `keys` (a * size + b for an edge a < b, in any order, an edge
 * once per unit of weight, so a repeated key sums): a row lists its neighbours ascending, as pageRankOfRows needs.
 * `keys` is sorted in place. The rows are valid until the next call.
 */
export function rowsOfEdgeKeys(size: number, unsorted: Float64Array): EdgeRows {
  const keys = sortEdgeKeys(size, unsorted, unsorted);
  const first = ROWS.first.take(size + 1);
  let distinct = 0;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && keys[k] === keys[k - 1]) continue;
    const a = Math.floor(keys[k]! / size);
    first[a + 1]!++;
    first[keys[k]! - a * size + 1]!++;
    distinct++;
  }
  for (let a = 0; a < size; a++) first[a + 1]! += first[a]!;
  const to = ROWS.to.take(2 * distinct);
  const weight = ROWS.weight.take(2 * distinct);
  const filled = ROWS.filled.take(size);
  filled.set(first.subarray(0, size));
  // keys ascend by a, then b: row x receives its neighbours below x (as some a's b) before those above (as a)
  for (let k = 0; k < keys.length; ) {
    const key = keys[k]!;
    let count = 0;
    while (k < keys.length && keys[k] === key) (k++, count++);
    const a = Math.floor(key / size);
    const b = key - a * size;
    to[filled[a]!] = b;
    weight[filled[a]!++] = count;
    to[filled[b]!] = a;
    weight[filled[b]!++] = count;
  }
  return { size, first, to, weight };
}

/** The arrays of rowsOfEdgeKeys's rows and of pageRankOfRows, reused from call to call (core/scratch.ts). */
const ROWS = {
  first: new Scratch(Int32Array),
  to: new Scratch(Int32Array),
  weight: new Scratch(Float64Array),
  filled: new Scratch(Int32Array),
  sorting: new Scratch(Float64Array),
  count: new Scratch(Int32Array),
};
const RANK = {
  strength: new Scratch(Float64Array),
  score: new Scratch(Float64Array),
  next: new Scratch(Float64Array),
  share: new Scratch(Float64Array),
};

/**
 * Scores of the nodes (summing to about 1), by power iteration; isolated nodes keep the teleport share. Each node
 * gathers its neighbours' shares in ascending order: the sums of the textbook scatter over nodes in order, to the
 * bit, without a store per edge. Cost: iterations × edges. The scores are valid until the next call.
 */
export function pageRankOfRows(rows: EdgeRows): Scores {
  const { size, first, to, weight } = rows;
  const strength = RANK.strength.take(size);
  for (let a = 0; a < size; a++) for (let e = first[a]!, end = first[a + 1]!; e < end; e++) strength[a]! += weight[e]!;
  const teleport = (1 - DAMPING) / Math.max(size, 1);
  let score = RANK.score.take(size, size > 0 ? 1 / size : 0);
  let next = RANK.next.take(size);
  const share = RANK.share.take(size);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // a node without edges is nobody's neighbour: its share is never read
    for (let a = 0; a < size; a++) if (strength[a] !== 0) share[a] = (DAMPING * score[a]!) / strength[a]!;
    let change = 0;
    for (let b = 0; b < size; b++) {
      let sum = teleport;
      for (let e = first[b]!, end = first[b + 1]!; e < end; e++) sum += share[to[e]!]! * weight[e]!;
      next[b] = sum;
      change += Math.abs(sum - score[b]!);
    }
    [score, next] = [next, score];
    if (change < TOLERANCE) break;
  }
  return score;
}
