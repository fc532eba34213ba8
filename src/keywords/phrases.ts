/**
 * Key phrases: runs of two to four adjacent content words (办学/定位 → 办学定位 when jieba splits it,
 * 服务/转型发展, 产教/融合) that recur and hold together. Part-of-speech patterns decide what a phrase may contain
 * (nominal words, no verb: a verb makes a clause) and how it ends (a nominal head); cohesion is the symmetric conditional probability generalised to
 * n-grams (SCP_f, Silva & Lopes 1999): how much more often the parts occur together than apart.
 */
import type { Token } from "../core/schema.js";
import { NO_PHRASE, PHRASE_HEAD, type TokenTable } from "./terms.js";

/** A recurring phrase: the text ids of its words, how often it occurs, where it first starts, its cohesion in [0, 1]. */
export interface PhraseCandidate {
  text: string;
  words: number[];
  count: number;
  start: number;
  cohesion: number;
}

const MAX_WORDS = 4;
/** A phrase seen once is no collocation. */
const MIN_COUNT = 2;
/** Below this a phrase is two words that merely meet (学院/发展). */
const MIN_COHESION = 0.2;
/** A shorter phrase is dropped when a longer one containing it accounts for this share of its occurrences. */
const SUBSUMED = 0.75;

/**
 * A sequence of two or more words seen inside a run of phrase words, reached from its first word through its
 * next ones (a trie over text ids, so counting an n-gram builds no key).
 */
interface Gram {
  /** Occurrences in runs. */
  count: number;
  next: Map<number, Gram> | undefined;
  /** The phrase it is when an occurrence ends on a head word. */
  phrase: PhraseCandidate | undefined;
  /** Occurrences inside longer phrases already kept (see dropSubsumed). */
  covered: number;
}

const newGram = (): Gram => ({ count: 0, next: undefined, phrase: undefined, covered: 0 });

/** The trie of word sequences: a map per first word, then one per next word. */
class Grams {
  private readonly first = new Map<number, Map<number, Gram>>();

  /** The grams that begin with word `id`. */
  startingWith(id: number): Map<number, Gram> {
    let next = this.first.get(id);
    if (!next) this.first.set(id, (next = new Map()));
    return next;
  }

  /** The gram of `words[from..to)` (two or more words), if it was seen. */
  find(words: readonly number[], from: number, to: number): Gram | undefined {
    let gram = this.first.get(words[from]!)?.get(words[from + 1]!);
    for (let i = from + 2; gram && i < to; i++) gram = gram.next?.get(words[i]!);
    return gram;
  }
}

/** The gram `next` leads to through word `id`, created on first sight. */
function step(next: Map<number, Gram>, id: number): Gram {
  let gram = next.get(id);
  if (!gram) next.set(id, (gram = newGram()));
  return gram;
}

/** Recurring, cohesive multi-word phrases of the content tokens. Linear in tokens. */
export function phraseCandidates(tokens: readonly Token[], table: TokenTable): PhraseCandidate[] {
  const { ids, roles, texts, counts } = table;
  const grams = new Grams();
  const found: PhraseCandidate[] = [];

  /** Counts every n-gram of the run of tokens `from..to`; those ending on a head word are phrases. */
  const collect = (from: number, to: number) => {
    for (let i = from; i + 1 < to; i++) {
      let next = grams.startingWith(ids[i]!);
      for (let n = 2; n <= MAX_WORDS && i + n <= to; n++) {
        const gram = step(next, ids[i + n - 1]!);
        gram.count++;
        if (n < MAX_WORDS && i + n < to) next = gram.next ??= new Map();
        if (roles[i + n - 1] !== PHRASE_HEAD) continue;
        if (!gram.phrase) {
          const words: number[] = [];
          for (let k = i; k < i + n; k++) words.push(ids[k]!);
          gram.phrase = { text: "", words, count: 0, start: tokens[i]!.start, cohesion: 0 };
          found.push(gram.phrase);
        }
        gram.phrase.count++;
      }
    }
  };

  let runStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const role = i < tokens.length ? roles[i]! : NO_PHRASE;
    const adjacent = i > runStart && i < tokens.length && tokens[i - 1]!.end === tokens[i]!.start;
    if (role === NO_PHRASE || !adjacent) {
      if (i - runStart > 1) collect(runStart, i);
      runStart = role === NO_PHRASE ? i + 1 : i;
    }
  }

  /** Occurrences of a part of a phrase: a single word counts all its tokens, a longer part its occurrences in runs. */
  const countOf = (words: number[], from: number, to: number, otherwise: number) =>
    to - from === 1 ? counts[words[from]!]! : (grams.find(words, from, to)?.count ?? otherwise);
  const candidates: PhraseCandidate[] = [];
  for (const phrase of found) {
    const { words, count } = phrase;
    if (count < MIN_COUNT) continue;
    let splits = 0;
    for (let k = 1; k < words.length; k++) splits += countOf(words, 0, k, count) * countOf(words, k, words.length, count);
    phrase.cohesion = (count * count) / (splits / (words.length - 1));
    if (phrase.cohesion < MIN_COHESION) continue;
    phrase.text = words.map((id) => texts[id]).join("");
    candidates.push(phrase);
  }
  return dropSubsumed(candidates, grams);
}

/** Removes phrases that mostly occur inside a longer kept phrase (服务转型 inside 服务转型发展). */
function dropSubsumed(candidates: PhraseCandidate[], grams: Grams): PhraseCandidate[] {
  const longestFirst = [...candidates].sort((a, b) => b.words.length - a.words.length);
  const kept = new Set<PhraseCandidate>();
  for (const candidate of longestFirst) {
    const { words, count } = candidate;
    if (grams.find(words, 0, words.length)!.covered >= SUBSUMED * count) continue;
    kept.add(candidate);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 2; j <= words.length; j++) {
        if (j - i === words.length) continue;
        grams.find(words, i, j)!.covered += count;
      }
    }
  }
  return candidates.filter((c) => kept.has(c));
}
