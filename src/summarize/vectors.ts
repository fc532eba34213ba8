/**
 * Bag-of-words vectors for sentences: each word that could carry meaning (the keyword shape test, genre
 * stopwords out) weighted by term frequency × domain IDF, compared by cosine similarity.
 */
import type { Span, Token } from "../core/schema.js";
import type { IdfTable, StopwordKind } from "../core/resources.js";
import { termShape } from "../core/terms.js";

export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

/** The vector of the given tokens. */
export function vectorOf(tokens: readonly Token[], idf: IdfTable, stop: ReadonlyMap<string, StopwordKind>): TermVector {
  const weights = new Map<string, number>();
  for (const token of tokens) {
    const term = termShape(token);
    if (term === undefined || stop.get(term) === "stop") continue;
    weights.set(term, (weights.get(term) ?? 0) + idf.idf(term));
  }
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine similarity in [0, 1] (0 when either vector is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

/** The sum of `vectors` (the document's centroid when given all its sentences). */
export function sumOf(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<string, number>();
  for (const v of vectors) for (const [term, w] of v.weights) weights.set(term, (weights.get(term) ?? 0) + w);
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return { weights, norm: Math.sqrt(sum) };
}

/** The tokens of each span (both lists sorted by start), in one linear pass. */
export function tokensPerSpan(tokens: readonly Token[], spans: readonly Span[]): Token[][] {
  const out: Token[][] = spans.map(() => []);
  let t = 0;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    while (t < tokens.length && tokens[t]!.end <= span.start) t++;
    for (let k = t; k < tokens.length && tokens[k]!.start < span.end; k++) {
      if (tokens[k]!.start >= span.start && tokens[k]!.end <= span.end) out[s]!.push(tokens[k]!);
    }
  }
  return out;
}
