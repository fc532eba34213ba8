/**
 * Single-word keyword scores: TF-IDF against the domain table, and TextRank over the co-occurrence graph.
 */
import type { Span, Token } from "../core/schema.js";
import { addEdge, emptyGraph, pageRank, scoresOf, type Scores } from "../core/pagerank.js";
import type { IdfTable, StopwordKind } from "../core/resources.js";
import { keywordTerm } from "./terms.js";

/** A candidate word with every occurrence. */
export interface WordCandidate {
  text: string;
  spans: Span[];
}

/** Candidate words of `tokens` (already limited to the content), with their occurrences, in first-seen order. */
export function wordCandidates(tokens: readonly Token[], stop: ReadonlyMap<string, StopwordKind>): WordCandidate[] {
  const byTerm = new Map<string, WordCandidate>();
  for (const token of tokens) {
    const term = keywordTerm(token, stop);
    if (term === undefined) continue;
    let candidate = byTerm.get(term);
    if (!candidate) byTerm.set(term, (candidate = { text: term, spans: [] }));
    candidate.spans.push({ start: token.start, end: token.end, text: token.text });
  }
  return [...byTerm.values()];
}

/**
 * Sublinear term frequency (1 + ln tf, SMART's `l`): with raw counts the genre's frequent words (政策, 经济) bury a
 * long report's specific subjects (地方债务, 新型城镇化).
 */
export const tfWeight = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);

/** Term frequency × domain IDF, per candidate. */
export function tfidfScores(candidates: readonly WordCandidate[], idf: IdfTable): Scores {
  return scoresOf(candidates, (c) => tfWeight(c.spans.length) * idf.idf(c.text));
}

/** Words closer than this many tokens are linked in the TextRank graph (jieba's default). */
const WINDOW = 5;
/** Sentence-final marks: the co-occurrence window does not reach across them. */
const SENTENCE_END = /[。！？!?；;\n]/u;

/**
 * TextRank (Mihalcea & Tarau 2004) scores, per candidate: candidates within {@link WINDOW} tokens of each other in
 * the same sentence are linked, and PageRank ranks the graph. Linear in the number of tokens.
 */
export function textRankScores(
  tokens: readonly Token[],
  candidates: readonly WordCandidate[],
  stop: ReadonlyMap<string, StopwordKind>,
): Scores {
  const index = new Map(candidates.map((c, i) => [c.text, i]));
  const graph = emptyGraph(candidates.length);
  /** Node ids of the last WINDOW non-space tokens (-1 for tokens that are not candidates). */
  const recent: number[] = [];
  let lastEnd = -1;
  for (const token of tokens) {
    // a gap means the tokens come from two content ranges: never link across it
    if (token.start !== lastEnd) recent.length = 0;
    lastEnd = token.end;
    if (token.kind === "space") {
      if (token.text.includes("\n")) recent.length = 0;
      continue;
    }
    if (token.kind === "punct" && SENTENCE_END.test(token.text)) {
      recent.length = 0;
      continue;
    }
    const term = keywordTerm(token, stop);
    const node = term === undefined ? -1 : index.get(term)!;
    if (node >= 0) for (const other of recent) if (other >= 0) addEdge(graph, node, other, 1);
    recent.push(node);
    if (recent.length >= WINDOW) recent.shift();
  }
  return pageRank(graph);
}
