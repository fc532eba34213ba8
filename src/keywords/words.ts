/**
 * Single-word keyword scores: TF-IDF against the domain table, and TextRank over the co-occurrence graph.
 */
import type { Token } from "../core/schema.js";
import { pageRankOfRows, rowsOfEdgeKeys, type Scores } from "../core/pagerank.js";
import { Scratch } from "../core/scratch.js";
import type { TokenTable } from "./terms.js";

/** A candidate word: its text id, how many tokens offer it, and where the first of them starts. */
export interface WordCandidate {
  id: number;
  count: number;
  start: number;
}

/** Candidate words of the content tokens, in first-seen order. */
export function wordCandidates(tokens: readonly Token[], table: TokenTable): WordCandidate[] {
  const candidateOf = CANDIDATE_OF.take(table.texts.length, -1);
  const out: WordCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!table.terms[i]) continue;
    const id = table.ids[i]!;
    if (candidateOf[id]! < 0) {
      candidateOf[id] = out.length;
      out.push({ id, count: 0, start: tokens[i]!.start });
    }
    out[candidateOf[id]!]!.count++;
  }
  return out;
}

/**
 * Sublinear term frequency (1 + ln tf, SMART's `l`): with raw counts the genre's frequent words (政策, 经济) bury a
 * long report's specific subjects (地方债务, 新型城镇化).
 */
export const tfWeight = (count: number): number => (count > 0 ? 1 + Math.log(count) : 0);

/** The arrays of wordCandidates and textRankScores, reused from document to document (core/scratch.ts). */
const CANDIDATE_OF = new Scratch(Int32Array);
const NODE_OF = new Scratch(Int32Array);
const KEYS = new Scratch(Float64Array);

/** Words closer than this many tokens are linked in the TextRank graph (jieba's default). */
const WINDOW = 5;
/** Sentence-final marks: the co-occurrence window does not reach across them. */
const SENTENCE_END = /[。！？!?；;\n]/u;

/**
 * TextRank (Mihalcea & Tarau 2004) scores, per candidate: candidates within {@link WINDOW} tokens of each other in
 * the same sentence are linked, and PageRank ranks the graph. Linear in the number of tokens (and a sort of the
 * links).
 */
export function textRankScores(tokens: readonly Token[], table: TokenTable, candidates: readonly WordCandidate[]): Scores {
  const size = candidates.length;
  const nodeOf = NODE_OF.take(table.texts.length, -1);
  candidates.forEach((c, i) => (nodeOf[c.id] = i));
  // each co-occurrence as the key a * size + b (a < b): sorted, the keys give the rows, and a repeated key the
  // weight; a token links to at most the WINDOW - 1 before it
  const keys = KEYS.take((WINDOW - 1) * tokens.length);
  let linked = 0;
  /** Node ids of the last WINDOW - 1 non-space tokens (-1 for tokens that are not candidates), oldest first. */
  const recent = new Int32Array(WINDOW - 1);
  let held = 0;
  let lastEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // a gap means the tokens come from two content ranges: never link across it
    if (token.start !== lastEnd) held = 0;
    lastEnd = token.end;
    if (token.kind === "space") {
      if (token.text.includes("\n")) held = 0;
      continue;
    }
    if (token.kind === "punct" && SENTENCE_END.test(token.text)) {
      held = 0;
      continue;
    }
    const node = table.terms[i] ? nodeOf[table.ids[i]!]! : -1;
    if (node >= 0) {
      for (let k = 0; k < held; k++) {
        const other = recent[k]!;
        // a self-loop is no link
        if (other >= 0 && other !== node) keys[linked++] = node < other ? node * size + other : other * size + node;
      }
    }
    if (held === recent.length) for (let k = 1; k < held; k++) recent[k - 1] = recent[k]!;
    else held++;
    recent[held - 1] = node;
  }
  return pageRankOfRows(rowsOfEdgeKeys(size, keys.subarray(0, linked)));
}
