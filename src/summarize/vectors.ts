/**
 * Bag-of-words vectors for sentences: each word that could carry meaning (the keyword shape test, genre
 * stopwords out) weighted by term frequency × domain IDF, compared by cosine similarity.
 *
 * A document's terms are numbered in its TermSpace (shape test, stopword and IDF lookups once per distinct text in
 * the process's term lexicon), and a vector is its sorted term numbers with their weights in typed arrays: cosine
 * is a merge of two sorted lists, without hashing.
 */
import type { Span, Token } from "../core/schema.js";
import type { IdfTable, StopwordKind } from "../core/resources.js";
import { Pool, Scratch } from "../core/scratch.js";
import type { ContentTokens, Numbering, TermLexicon } from "../core/terms.js";

export interface TermVector {
  /** Term numbers of the document's TermSpace, ascending. */
  ids: Int32Array;
  /** tf × idf of each term, aligned with `ids`. */
  weights: Float64Array;
  norm: number;
}

const NOT_A_TERM = -1;
/** vectorOf's term numbers before sorting. */
const FOUND = new Scratch(Int32Array);

/** The terms of one document's content: a number per distinct term, with its IDF. */
export class TermSpace {
  private readonly lexicon: TermLexicon;
  private readonly numbering: Numbering;
  /** IDF of each term, by term number. */
  readonly idfs: number[] = [];
  /** Where the document's vectors keep their terms and weights. */
  private readonly ids = new Pool(Int32Array);
  private readonly weights = new Pool(Float64Array);

  constructor(
    private readonly content: ContentTokens,
    private readonly idf: IdfTable,
    private readonly stop: ReadonlyMap<string, StopwordKind>,
  ) {
    this.lexicon = content.lexicon;
    this.numbering = this.lexicon.numbering();
  }

  /** The term number of content token `k`, or -1 when it is no term (a number, a mark, a stopword, one character). */
  idAt(k: number): number {
    const known = this.content.ids[k]!;
    if (known < 0) return NOT_A_TERM;
    const { lexicon } = this;
    if (!lexicon.isTerm(known, this.content.tokens[k]!.kind) || lexicon.stopword(this.stop, known) === "stop") return NOT_A_TERM;
    const id = this.numbering.of(known);
    if (id === this.idfs.length) this.idfs.push(lexicon.idf(this.idf, known));
    return id;
  }

  /** The vector of content tokens `from…to`. */
  vectorOf(from: number, to: number): TermVector {
    const found = FOUND.take(to - from);
    let n = 0;
    for (let k = from; k < to; k++) {
      const id = this.idAt(k);
      if (id !== NOT_A_TERM) found[n++] = id;
    }
    const sorted = found.subarray(0, n).sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const ids = this.ids.take(distinct);
    const weights = this.weights.take(distinct);
    for (let k = 0, d = -1; k < n; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) ids[++d] = sorted[k]!;
      weights[d]! += this.idfs[sorted[k]!]!;
    }
    return vectorFrom(ids, weights);
  }
}

function vectorFrom(ids: Int32Array, weights: Float64Array): TermVector {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += weights[k]! * weights[k]!;
  return { ids, weights, norm: Math.sqrt(sum) };
}

/** Cosine similarity in [0, 1] (0 when either vector is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/**
 * The cosine of each of `vectors` (terms numbered below `terms`) with their sum (the document's centroid when given
 * all its sentences). The sum is kept dense, indexed by term, so a vector's dot product walks its own terms only
 * (not the centroid's thousands), in the same ascending order as `cosine`'s merge: the same values to the bit.
 */
export function cosinesWithSum(vectors: readonly TermVector[], terms: number): Float64Array {
  const totals = TOTALS.take(terms);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) totals[v.ids[k]!]! += v.weights[k]!;
  let squares = 0;
  for (let id = 0; id < terms; id++) if (totals[id]! > 0) squares += totals[id]! * totals[id]!;
  const norm = Math.sqrt(squares);
  return Float64Array.from(vectors, (v) => {
    if (v.norm === 0 || norm === 0) return 0;
    let dot = 0;
    // a term the sum lacks (its weights were all 0) is skipped, as the merge skips it
    for (let k = 0; k < v.ids.length; k++) if (totals[v.ids[k]!]! > 0) dot += v.weights[k]! * totals[v.ids[k]!]!;
    return dot / (v.norm * norm);
  });
}

/** cosinesWithSum's dense sum. */
const TOTALS = new Scratch(Float64Array);

/** forEachSimilarPair's arrays (reused: `visit` must not call it again). */
const PAIRS = {
  first: new Scratch(Int32Array),
  holders: new Scratch(Int32Array),
  held: new Scratch(Float64Array),
  next: new Scratch(Int32Array),
  dots: new Scratch(Float64Array),
  partners: new Scratch(Int32Array),
  lastSeen: new Scratch(Int32Array),
};

/**
 * Calls `visit(a, b, cosine)` for each pair a < b of `vectors` (terms numbered below `terms`) whose cosine is not 0,
 * in order of a then b: pairs that share no term have cosine 0 and are never computed. An inverted index (each term's
 * vectors, ascending) accumulates every dot product of `a` in one pass over its terms; the sums run in the same
 * term order as `cosine`'s merge, so the values are the same to the bit.
 */
export function forEachSimilarPair(
  vectors: readonly TermVector[],
  terms: number,
  visit: (a: number, b: number, similarity: number) => void,
): void {
  // postings in compressed rows: the vectors holding term t are holders[first[t]…first[t + 1]), ascending
  const first = PAIRS.first.take(terms + 1);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) first[v.ids[k]! + 1]!++;
  for (let t = 0; t < terms; t++) first[t + 1]! += first[t]!;
  const holders = PAIRS.holders.take(first[terms]!);
  const held = PAIRS.held.take(first[terms]!);
  // next[t]: where vector a sits in term t's postings when a's turn comes (vectors are visited in the same order)
  const next = PAIRS.next.take(terms);
  next.set(first.subarray(0, terms));
  vectors.forEach((v, a) => {
    for (let k = 0; k < v.ids.length; k++) {
      const at = next[v.ids[k]!]!++;
      holders[at] = a;
      held[at] = v.weights[k]!;
    }
  });
  next.set(first.subarray(0, terms));
  const dots = PAIRS.dots.take(vectors.length);
  // the partners of a (lastSeen[b] === a once b is among them)
  const partners = PAIRS.partners.take(vectors.length);
  const lastSeen = PAIRS.lastSeen.take(vectors.length, -1);
  vectors.forEach((v, a) => {
    let count = 0;
    for (let k = 0; k < v.ids.length; k++) {
      const term = v.ids[k]!;
      const end = first[term + 1]!;
      // entries after a's own are the vectors b > a
      for (let at = ++next[term]!; at < end; at++) {
        const b = holders[at]!;
        if (lastSeen[b] !== a) {
          lastSeen[b] = a;
          partners[count++] = b;
        }
        dots[b]! += v.weights[k]! * held[at]!;
      }
    }
    for (const b of partners.subarray(0, count).sort()) {
      // a zero dot is cosine 0 (and keeps empty vectors out of a 0 / 0)
      if (dots[b] !== 0) visit(a, b, dots[b]! / (v.norm * vectors[b]!.norm));
      dots[b] = 0;
    }
  });
}

/**
 * Where the tokens of each span lie in `tokens` (both lists sorted by start, tokens not overlapping): span s holds
 * tokens[runs[2s]…runs[2s + 1]), those wholly inside it (one straddling its edge is not). One linear pass.
 */
export function tokenRuns(tokens: readonly Token[], spans: readonly Span[]): Int32Array {
  const runs = new Int32Array(2 * spans.length);
  let t = 0;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    while (t < tokens.length && tokens[t]!.end <= span.start) t++;
    let from = t;
    if (from < tokens.length && tokens[from]!.start < span.start) from++;
    let to = from;
    while (to < tokens.length && tokens[to]!.start < span.end && tokens[to]!.end <= span.end) to++;
    runs[2 * s] = from;
    runs[2 * s + 1] = to;
  }
  return runs;
}
