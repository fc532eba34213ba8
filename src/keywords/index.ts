/**
 * Keywords and key phrases: TF-IDF against gongwen's domain IDF table (dict/idf.txt), TextRank over the
 * co-occurrence graph, or a blend; recurring multi-word phrases ranked alongside single words. Only the content
 * of the page counts (see content.ts), and every keyword carries all its occurrences as spans of the input.
 */
import type { Resources } from "../core/resources.js";
import type { Stage } from "../core/stage.js";
import { parseDoc, parseOptions, parseScope } from "../core/options.js";
import { KeywordOptionsSchema, type Doc, type Keyword, type KeywordOptions } from "../core/schema.js";
import { occurrences } from "../core/spans.js";
import { contentTokens } from "../core/terms.js";
import { loadIdf } from "./idf.js";
import { scaleToMax } from "../core/pagerank.js";
import { Scratch } from "../core/scratch.js";
import { phraseCandidates } from "./phrases.js";
import { loadStopwords, readTokens } from "./terms.js";
import { bigrams, dice } from "./variants.js";
import { textRankScores, tfWeight, wordCandidates } from "./words.js";

const DEFAULT_TOP_K = 20;
const DEFAULT_TEXTRANK_WEIGHT = 0.3;
/** In a text with this many candidate occurrences, a word seen once is not a keyword (a rare word in passing). */
const LONG_TEXT_OCCURRENCES = 200;
/** `doc.phrases` keeps the best this many (a long report has thousands of recurring word pairs). */
const MAX_PHRASES = 100;
/** Keywords this similar (Dice over character bigrams) to a better one are variants of it (学院办学定位). */
const VARIANT_SIMILARITY = 0.8;

/** Keywords and phrases of a Doc, each list best first. */
export interface KeywordRanking {
  /** Words and phrases ranked together, near-duplicates removed, at most `topK`. */
  keywords: Keyword[];
  /** The best key phrases (at most 100), best first. */
  phrases: Keyword[];
}

/**
 * Ranks the keywords and key phrases of an analysed Doc (tokens required; `doc.page`, when present, limits the
 * ranking to the article).
 */
export function rankKeywords(
  doc: Doc,
  options: KeywordOptions = {},
  scope: "article" | "all" = "article",
  resources: Pick<Resources, "idf" | "stopwords"> = { idf: loadIdf(), stopwords: loadStopwords() },
): KeywordRanking {
  const parsed = parseOptions(KeywordOptionsSchema, options, "keyword options");
  return rankingOf(parseDoc(doc, "rankKeywords()"), parsed, parseScope(scope), resources);
}

/** rankKeywords's arrays, reused from document to document (see core/scratch.ts). */
const TFIDF = new Scratch(Float64Array);
const RANK = new Scratch(Float64Array);
const SCORE = new Scratch(Float64Array);
const STARTS = new Scratch(Int32Array);
const WORD_OF = new Scratch(Int32Array);

/** rankKeywords with its arguments checked. */
function rankingOf(
  doc: Doc,
  { topK = DEFAULT_TOP_K, method = "blend", textRankWeight = DEFAULT_TEXTRANK_WEIGHT, phrases = true }: KeywordOptions,
  scope: "article" | "all",
  resources: Pick<Resources, "idf" | "stopwords">,
): KeywordRanking {
  const content = contentTokens(doc, scope);
  const { ranges, tokens } = content;
  const table = readTokens(content, resources);
  const seen = wordCandidates(tokens, table);
  const long = seen.reduce((sum, w) => sum + w.count, 0) >= LONG_TEXT_OCCURRENCES;
  const words = long ? seen.filter((w) => w.count > 1) : seen;
  const found = phraseCandidates(tokens, table);

  // candidates 0…words.length-1 are words, the rest phrases
  const count = words.length + found.length;
  const { idf } = table;
  const tfidf = TFIDF.take(count);
  const rank = RANK.take(count);
  const starts = STARTS.take(count);
  const wordOf = WORD_OF.take(table.texts.length, -1);
  const wordRank = textRankScores(tokens, table, words);
  words.forEach((w, i) => {
    wordOf[w.id] = i;
    tfidf[i] = tfWeight(w.count) * idf(w.id);
    rank[i] = wordRank[i]!;
    starts[i] = w.start;
  });
  // a phrase scores like a word that occurs as often, with the mean IDF and TextRank of its words, damped by how
  // loosely they hold together
  found.forEach((p, k) => {
    const meanIdf = p.words.reduce((sum, w) => sum + idf(w), 0) / p.words.length;
    const rankOf = (w: number) => (wordOf[w]! >= 0 ? wordRank[wordOf[w]!]! : 0);
    const meanRank = p.words.reduce((sum, w) => sum + rankOf(w), 0) / p.words.length;
    tfidf[words.length + k] = tfWeight(p.count) * meanIdf * Math.sqrt(p.cohesion);
    rank[words.length + k] = meanRank * Math.sqrt(p.cohesion) * Math.sqrt(p.words.length);
    starts[words.length + k] = p.start;
  });
  scaleToMax(tfidf);
  scaleToMax(rank);
  const weight = method === "tfidf" ? 0 : method === "textrank" ? 1 : textRankWeight;
  const score = SCORE.take(count);
  for (let i = 0; i < count; i++) score[i] = (1 - weight) * tfidf[i]! + weight * rank[i]!;

  // best first, ties to the earlier, then to words
  const better = (a: number, b: number) =>
    score[a]! > score[b]! || (score[a] === score[b] && (starts[a]! < starts[b]! || (starts[a] === starts[b] && a < b)));
  const textOf = (i: number) => (i < words.length ? table.texts[words[i]!.id]! : found[i - words.length]!.text);
  const kept: number[] = [];
  const keptBigrams: number[][] = [];
  const candidates = bestFirst(0, phrases ? count : words.length, better, HEAPS[0]);
  for (let i = candidates(); i >= 0 && kept.length < topK; i = candidates()) {
    const own = bigrams(textOf(i));
    if (keptBigrams.some((other) => dice(other, own) >= VARIANT_SIMILARITY)) continue;
    kept.push(i);
    keptBigrams.push(own);
  }
  const best: number[] = [];
  const bestPhrases = bestFirst(words.length, count, better, HEAPS[1]);
  for (let i = bestPhrases(); i >= 0 && best.length < MAX_PHRASES; i = bestPhrases()) best.push(i);
  // scores count the tokens; spans list every occurrence in the content, inside longer words too
  const listed = [...new Set([...kept, ...best])];
  const spans = occurrences(ranges, listed.map(textOf));
  const spansOf = new Map(listed.map((i, k) => [i, spans[k]!]));
  const keyword = (i: number): Keyword => ({
    text: textOf(i),
    score: score[i]!,
    kind: i < words.length ? "word" : "phrase",
    spans: spansOf.get(i)!.map((span) => ({ ...span })),
  });
  const keywords = kept.map(keyword);
  return { keywords, phrases: best.map(keyword) };
}

/** The heaps of bestFirst's two calls per document (the words and phrases, then the phrases alone). */
const HEAPS = [new Scratch(Int32Array), new Scratch(Int32Array)] as const;

/**
 * The candidates `from`…`to - 1` one at a time, best first by `better` (a strict order), then -1: a binary heap, so
 * taking the first k of n costs n + k log n instead of a whole sort. `scratch` holds the heap until the next call
 * with the same one.
 */
function bestFirst(from: number, to: number, better: (a: number, b: number) => boolean, scratch: Scratch<Int32Array>): () => number {
  const heap = scratch.take(to - from);
  for (let k = 0; k < heap.length; k++) heap[k] = from + k;
  let size = heap.length;
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const child = left + 1 < size && better(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!better(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let at = (size >> 1) - 1; at >= 0; at--) down(at);
  return () => {
    if (size === 0) return -1;
    const top = heap[0]!;
    heap[0] = heap[--size]!;
    down(0);
    return top;
  };
}

/**
 * Pipeline stage: fills `doc.keywords` (top 20, words and phrases blended) and `doc.phrases` (the best 100 key
 * phrases).
 * Reads only the article and title when a page stage ran before it (analyzer option `scope: "article"`).
 */
export const keywordStage: Stage<"keywords" | "phrases"> = {
  name: "keywords",
  reads: ["tokens"],
  readsIfPresent: ["page"],
  writes: ["keywords", "phrases"],
  run: (doc, context) => {
    const ranking = rankingOf(doc, {}, context.config.scope, context.resources);
    return { ...doc, keywords: ranking.keywords, phrases: ranking.phrases };
  },
};
