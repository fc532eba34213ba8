/**
 * Weighted PageRank on an undirected graph, the ranking step of TextRank (words) and LexRank (sentences).
 */

/** An undirected weighted graph over nodes 0…size-1, stored as adjacency lists (both directions). */
export interface Graph {
  size: number;
  neighbours: Map<number, number>[];
}

/** An empty graph of `size` nodes. */
export function emptyGraph(size: number): Graph {
  return { size, neighbours: Array.from({ length: size }, () => new Map<number, number>()) };
}

/** Adds `weight` to the undirected edge a–b (self-loops are ignored). */
export function addEdge(graph: Graph, a: number, b: number, weight: number): void {
  if (a === b || weight <= 0) return;
  graph.neighbours[a]!.set(b, (graph.neighbours[a]!.get(b) ?? 0) + weight);
  graph.neighbours[b]!.set(a, (graph.neighbours[b]!.get(a) ?? 0) + weight);
}

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

/** `values` divided by their maximum (all zeros when none is positive). */
export function scaledToMax(values: Scores): Scores {
  const max = values[argMax(values)] ?? 0;
  return max > 0 ? values.map((v) => v / max) : new Float64Array(values.length);
}

/** `a` followed by `b`. */
export function concatenated(a: Scores, b: Scores): Scores {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const DAMPING = 0.85;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-6;

/**
 * An undirected weighted graph as flat rows: node a's neighbours are to[first[a]…first[a + 1]) with the weights
 * alongside, each edge in both rows. What pageRank iterates over; a caller that has its edges in order can build it
 * directly instead of through a Graph's maps.
 */
export interface EdgeRows {
  size: number;
  first: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** Scores of the nodes of `graph`, by pageRankOfRows. */
export function pageRank(graph: Graph): Scores {
  const { size, neighbours } = graph;
  // the edges once as flat arrays (in the maps' order, so the sums are the same), rather than iterating the maps,
  // which allocates an entry per edge, in every iteration
  const first = new Int32Array(size + 1);
  for (let a = 0; a < size; a++) first[a + 1] = first[a]! + neighbours[a]!.size;
  const to = new Int32Array(first[size]!);
  const weight = new Float64Array(first[size]!);
  let e = 0;
  for (let a = 0; a < size; a++) {
    // forEach rather than for…of: no entry array per edge
    neighbours[a]!.forEach((w, b) => {
      to[e] = b;
      weight[e++] = w;
    });
  }
  return pageRankOfRows({ size, first, to, weight });
}

/**
 * Scores of the nodes (summing to about 1), by power iteration; isolated nodes keep the teleport share.
 * Cost: iterations × edges.
 */
export function pageRankOfRows(rows: EdgeRows): Scores {
  const { size, first, to, weight } = rows;
  const strength = new Float64Array(size);
  for (let a = 0; a < size; a++) for (let e = first[a]!, end = first[a + 1]!; e < end; e++) strength[a]! += weight[e]!;
  let score = new Float64Array(size).fill(size > 0 ? 1 / size : 0);
  let next = new Float64Array(size);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    next.fill((1 - DAMPING) / Math.max(size, 1));
    for (let a = 0; a < size; a++) {
      if (strength[a] === 0) continue;
      const share = (DAMPING * score[a]!) / strength[a]!;
      for (let e = first[a]!, end = first[a + 1]!; e < end; e++) next[to[e]!]! += share * weight[e]!;
    }
    let change = 0;
    for (let i = 0; i < size; i++) change += Math.abs(next[i]! - score[i]!);
    [score, next] = [next, score];
    if (change < TOLERANCE) break;
  }
  return score;
}
