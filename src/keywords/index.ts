/**
 * Keywords and key phrases: TF-IDF against gongwen's domain IDF table (dict/idf.txt), TextRank over the
 * co-occurrence graph, or a blend; recurring multi-word phrases ranked alongside single words. Only the content
 * of the page counts (see content.ts), and every keyword carries all its occurrences as spans of the input.
 */
import type { Resources } from "../core/resources.js";
import type { Stage } from "../core/stage.js";
import { parseDoc, parseOptions, parseScope } from "../core/options.js";
import { KeywordOptionsSchema, type Doc, type Keyword, type KeywordOptions } from "../core/schema.js";
import { contentRanges, occurrences, spansWithin } from "../core/spans.js";
import { loadIdf } from "./idf.js";
import { concatenated, scaledToMax, scoresOf } from "../core/pagerank.js";
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
  const { topK = DEFAULT_TOP_K, method = "blend", textRankWeight = DEFAULT_TEXTRANK_WEIGHT, phrases = true } = parseOptions(
    KeywordOptionsSchema,
    options,
    "keyword options",
  );
  const ranges = contentRanges(parseDoc(doc, "rankKeywords()"), parseScope(scope));
  const tokens = spansWithin(doc.tokens, ranges);
  const table = readTokens(tokens, resources.stopwords);
  const seen = wordCandidates(tokens, table);
  const long = seen.reduce((sum, w) => sum + w.count, 0) >= LONG_TEXT_OCCURRENCES;
  const words = long ? seen.filter((w) => w.count > 1) : seen;
  const found = phraseCandidates(tokens, table);

  // each text's IDF looked up once (-1: not yet)
  const idfs = new Float64Array(table.texts.length).fill(-1);
  const idf = (id: number) => (idfs[id]! >= 0 ? idfs[id]! : (idfs[id] = resources.idf.idf(table.texts[id]!)));
  const wordOf = new Int32Array(table.texts.length).fill(-1);
  words.forEach((w, i) => (wordOf[w.id] = i));
  const wordTfidf = scoresOf(words, (w) => tfWeight(w.count) * idf(w.id));
  const wordRank = textRankScores(tokens, table, words);
  // a phrase scores like a word that occurs as often, with the mean IDF and TextRank of its words, damped by how
  // loosely they hold together
  const phraseTfidf = scoresOf(found, (p) => {
    const meanIdf = p.words.reduce((sum, w) => sum + idf(w), 0) / p.words.length;
    return tfWeight(p.count) * meanIdf * Math.sqrt(p.cohesion);
  });
  const phraseRank = scoresOf(found, (p) => {
    const mean = p.words.reduce((sum, w) => sum + (wordRank[wordOf[w]!] ?? 0), 0) / p.words.length;
    return mean * Math.sqrt(p.cohesion) * Math.sqrt(p.words.length);
  });

  const tfidf = scaledToMax(concatenated(wordTfidf, phraseTfidf));
  const rank = scaledToMax(concatenated(wordRank, phraseRank));
  const weight = method === "tfidf" ? 0 : method === "textrank" ? 1 : textRankWeight;
  const score = tfidf.map((t, i) => (1 - weight) * t + weight * rank[i]!);

  // candidates 0…words.length-1 are words, the rest phrases; best first, ties to the earlier, then to words
  const textOf = (i: number) => (i < words.length ? table.texts[words[i]!.id]! : found[i - words.length]!.text);
  const starts = Int32Array.from([...words, ...found], (c) => c.start);
  const ranked = Array.from(score.keys()).sort((a, b) => score[b]! - score[a]! || starts[a]! - starts[b]! || a - b);
  // scores count the tokens; spans list every occurrence in the content, inside longer words too
  const keyword = (i: number): Keyword => ({
    text: textOf(i),
    score: score[i]!,
    kind: i < words.length ? "word" : "phrase",
    spans: occurrences(ranges, textOf(i)),
  });
  const kept: number[] = [];
  const keptBigrams: Set<string>[] = [];
  for (const i of ranked) {
    if (kept.length >= topK) break;
    if (!phrases && i >= words.length) continue;
    const own = bigrams(textOf(i));
    if (keptBigrams.some((other) => dice(other, own) >= VARIANT_SIMILARITY)) continue;
    kept.push(i);
    keptBigrams.push(own);
  }
  const best = ranked.filter((i) => i >= words.length).slice(0, MAX_PHRASES);
  return { keywords: kept.map(keyword), phrases: best.map(keyword) };
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
    const ranking = rankKeywords(doc, {}, context.config.scope, context.resources);
    return { ...doc, keywords: ranking.keywords, phrases: ranking.phrases };
  },
};
