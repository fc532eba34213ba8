/**
 * Silver training data for the entity tagger: sentences of the 新闻联播 corpus
 * (../shared/data/corpus/xinwenlianbo/xwlb-items.jsonl) labelled by the whole extractor (title chains, credits,
 * name lists, the organisation grammar, the gazetteer and the tagger with whatever weights are installed), so that
 * a tagger trained on example.dev plus this text sees far more names in context than example.dev's 884 persons.
 * Deterministic: the same weights and the same items give the same sentences, so the data is regenerated, not kept.
 */
import { readFileSync } from "node:fs";
import { extractEntities } from "../../src/entities/index.js";
import { shippedTaggerWeights, type TaggerWeights } from "../../src/entities/tagger.js";
import { entityLexicon } from "../../src/entities/lexicon.js";
import { findPersons, personName } from "../../src/entities/person.js";
import { indexTokens, isPersonTag, tokenStartingAt } from "../../src/entities/tokens.js";
import { createAnalyzer } from "../../src/analyzer.js";
import { dataPath } from "../lib/data.js";
import type { BioSentence, BioType } from "./ner-data.js";

const BIO: Record<string, BioType> = { person: "PER", place: "LOC", org: "ORG" };
/** The broadcaster's lead on most items, no part of the news. */
const LEAD = "央视网消息（新闻联播）：";
const SENTENCE_ENDS = new Set([..."。！？；\n"]);
const MIN_SENTENCE = 8;
const MAX_SENTENCE = 200;

/** The texts of the first `limit` items of the corpus, without the broadcaster's lead. */
export function xwlbTexts(limit: number): string[] {
  const texts: string[] = [];
  for (const line of readFileSync(dataPath("corpus/xinwenlianbo/xwlb-items.jsonl"), "utf8").split("\n")) {
    if (texts.length >= limit) break;
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    texts.push(text.startsWith(LEAD) ? text.slice(LEAD.length) : text);
  }
  return texts;
}

/** Sentences of a text as [start, end) ranges: cut after 。！？； and at line breaks; too short or too long ones are left out. */
function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_ENDS.has(text[i]!)) continue;
    let end = text[i] === "\n" || i === text.length ? i : i + 1;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end - start >= MIN_SENTENCE && end - start <= MAX_SENTENCE) out.push([start, end]);
    start = i + 1;
  }
  return out;
}

const sentencesOf = (text: string) => sentenceRanges(text).map(([start, end]) => text.slice(start, end));

const analyzer = createAnalyzer();

/**
 * The sentences of `texts` with the person, place and organisation spans the extractor finds (overlapping spans
 * keep the first). `keep` decides which sentences are kept (e.g. only those naming a person).
 */
export function silverSentences(
  texts: readonly string[],
  keep: (s: BioSentence) => boolean = () => true,
  weights: TaggerWeights = shippedTaggerWeights(),
): BioSentence[] {
  const out: BioSentence[] = [];
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const spans: BioSentence["spans"] = [];
      let last = 0;
      for (const e of extractEntities(sentence, analyzer.segment(sentence), {}, weights).sort((a, b) => a.start - b.start)) {
        const type = BIO[e.type];
        if (!type || e.start < last) continue;
        spans.push({ type, start: e.start, end: e.end });
        last = e.end;
      }
      const labelled = { text: sentence, spans };
      if (keep(labelled)) out.push(labelled);
    }
  }
  return out;
}

/**
 * Names the title rules find in `texts` (国务院总理李强, 编辑:石丹), without the tagger: a pool of real names for
 * name swapping, none of them from a test set. Only names on jieba's word boundaries that come up in two items or
 * more are kept (the rules also misread 中国外长 as a name 国 + 外长 in foreign news), and only words jieba
 * reads as names or does not know.
 */
/**
 * Sentences with only the people the title rules are sure of: named with a title (国务院总理李强, 编辑:石丹) or a
 * later mention of such a name anywhere in the item (李强强调), on jieba's word boundaries and read by jieba as a name
 * or an unknown word. Everything else in these sentences is unknown, not "no name": they train the tagger as
 * partly labelled examples (perceptron.ts `preparePartial`).
 */
export function titledPersonSentences(texts: readonly string[]): BioSentence[] {
  const lexicon = entityLexicon();
  const out: BioSentence[] = [];
  for (const text of texts) {
    const index = indexTokens(text, analyzer.segment(text));
    const sure = findPersons(text, index, lexicon)
      .filter((p) => {
        const first = tokenStartingAt(index, p.start);
        const nameLike = first !== undefined && (isPersonTag(first.pos) || first.pos === "x") && !lexicon.places.words.has(text.slice(p.start, p.end));
        return nameLike && (p.end === text.length || tokenStartingAt(index, p.end) !== undefined) && personName(text, p) === text.slice(p.start, p.end);
      })
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const [start, end] of sentenceRanges(text)) {
      const spans: BioSentence["spans"] = [];
      for (const p of sure) {
        if (p.start < start || p.end > end || (spans.length > 0 && p.start < spans[spans.length - 1]!.end + start)) continue;
        spans.push({ type: "PER", start: p.start - start, end: p.end - start });
      }
      if (spans.length > 0) out.push({ text: text.slice(start, end), spans });
    }
  }
  return out;
}

export function titledNames(texts: readonly string[]): string[] {
  const lexicon = entityLexicon();
  const items = new Map<string, number>();
  for (const text of texts) {
    const index = indexTokens(text, analyzer.segment(text));
    const names = new Set<string>();
    for (const p of findPersons(text, index, lexicon)) {
      const first = tokenStartingAt(index, p.start);
      const nameLike = first !== undefined && (isPersonTag(first.pos) || first.pos === "x") && !lexicon.places.words.has(text.slice(p.start, p.end));
      const onBoundaries = p.end === text.length || tokenStartingAt(index, p.end);
      if (p.evidence === "title" && nameLike && onBoundaries) names.add(personName(text, p));
    }
    for (const name of names) items.set(name, (items.get(name) ?? 0) + 1);
  }
  return [...items].filter(([, n]) => n >= 2).map(([name]) => name).sort();
}
