/**
 * Keywords and key phrases: TF-IDF against gongwen's domain IDF table (dict/idf.txt), TextRank over the
 * co-occurrence graph, or a blend; recurring multi-word phrases ranked alongside single words. Only the content
 * of the page counts (see content.ts), and every keyword carries all its occurrences as spans of the input.
 */
import { DiceCoefficient } from "natural/lib/natural/distance/index.js";
import type { Resources } from "../core/resources.js";
import type { Stage } from "../core/stage.js";
import { parseDoc, parseOptions, parseScope } from "../core/options.js";
import { KeywordOptionsSchema, type Doc, type Keyword, type KeywordOptions } from "../core/schema.js";
import { contentRanges, occurrences, spansWithin } from "../core/spans.js";
import { loadIdf } from "./idf.js";
import { concatenated, scaledToMax, scoresOf } from "../core/pagerank.js";
import { phraseCandidates } from "./phrases.js";
import { loadStopwords } from "./terms.js";
import { textRankScores, tfidfScores, tfWeight, wordCandidates } from "./words.js";

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
  const { stopwords: stop, idf } = resources;
  const seen = wordCandidates(tokens, stop);
  const long = seen.reduce((sum, w) => sum + w.spans.length, 0) >= LONG_TEXT_OCCURRENCES;
  const words = long ? seen.filter((w) => w.spans.length > 1) : seen;
  const found = phraseCandidates(tokens, stop);

  const wordIndex = new Map(words.map((w, i) => [w.text, i]));
  const wordTfidf = tfidfScores(words, idf);
  const wordRank = textRankScores(tokens, words, stop);
  // a phrase scores like a word that occurs as often, with the mean IDF and TextRank of its words, damped by how
  // loosely they hold together
  const phraseTfidf = scoresOf(found, (p) => {
    const meanIdf = p.words.reduce((sum, w) => sum + idf.idf(w), 0) / p.words.length;
    return tfWeight(p.spans.length) * meanIdf * Math.sqrt(p.cohesion);
  });
  const phraseRank = scoresOf(found, (p) => {
    const mean = p.words.reduce((sum, w) => sum + (wordRank[wordIndex.get(w) ?? -1] ?? 0), 0) / p.words.length;
    return mean * Math.sqrt(p.cohesion) * Math.sqrt(p.words.length);
  });

  const tfidf = scaledToMax(concatenated(wordTfidf, phraseTfidf));
  const rank = scaledToMax(concatenated(wordRank, phraseRank));
  const weight = method === "tfidf" ? 0 : method === "textrank" ? 1 : textRankWeight;
  const score = (i: number) => (1 - weight) * tfidf[i]! + weight * rank[i]!;

  const all: Keyword[] = [
    ...words.map((w, i): Keyword => ({ text: w.text, score: score(i), kind: "word", spans: w.spans })),
    ...found.map((p, i): Keyword => ({ text: p.text, score: score(words.length + i), kind: "phrase", spans: p.spans })),
  ];
  const byScore = (a: Keyword, b: Keyword) => b.score - a.score || a.spans[0]!.start - b.spans[0]!.start;
  const ranked = all.filter((k) => phrases || k.kind === "word").sort(byScore);
  const keywords: Keyword[] = [];
  for (const candidate of ranked) {
    if (keywords.length >= topK) break;
    if (keywords.some((k) => DiceCoefficient(k.text, candidate.text) >= VARIANT_SIMILARITY)) continue;
    keywords.push(candidate);
  }
  // scores count the tokens; spans list every occurrence in the content, inside longer words too
  const everywhere = (k: Keyword): Keyword => ({ ...k, spans: occurrences(ranges, k.text) });
  const best = all.filter((k) => k.kind === "phrase").sort(byScore).slice(0, MAX_PHRASES);
  return { keywords: keywords.map(everywhere), phrases: best.map(everywhere) };
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
