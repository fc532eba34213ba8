/**
 * Key phrases: runs of two to four adjacent content words (办学/定位 → 办学定位 when jieba splits it,
 * 服务/转型发展, 产教/融合) that recur and hold together. Part-of-speech patterns decide what a phrase may contain
 * (nominal words, no verb: a verb makes a clause) and how it ends (a nominal head); cohesion is the symmetric conditional probability generalised to
 * n-grams (SCP_f, Silva & Lopes 1999): how much more often the parts occur together than apart.
 */
import type { Span, Token } from "../core/schema.js";
import type { StopwordKind } from "../core/resources.js";
import { phraseRole, type PhraseRole } from "./terms.js";

/** A recurring phrase with every occurrence and its cohesion in [0, 1]. */
export interface PhraseCandidate {
  text: string;
  /** The words it is made of. */
  words: string[];
  spans: Span[];
  cohesion: number;
}

const MAX_WORDS = 4;
/** A phrase seen once is no collocation. */
const MIN_COUNT = 2;
/** Below this a phrase is two words that merely meet (学院/发展). */
const MIN_COHESION = 0.2;
/** A shorter phrase is dropped when a longer one containing it accounts for this share of its occurrences. */
const SUBSUMED = 0.75;

interface RunToken {
  token: Token;
  role: PhraseRole;
}

const keyOf = (words: readonly string[]) => words.join("\u0001");

/** Recurring, cohesive multi-word phrases of `tokens` (already limited to the content). Linear in tokens. */
export function phraseCandidates(tokens: readonly Token[], stop: ReadonlyMap<string, StopwordKind>): PhraseCandidate[] {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
  const found = new Map<string, { words: string[]; spans: Span[] }>();

  const collect = (run: RunToken[]) => {
    for (let i = 0; i < run.length; i++) {
      for (let n = 2; n <= MAX_WORDS && i + n <= run.length; n++) {
        const words = run.slice(i, i + n).map((r) => r.token.text);
        const key = keyOf(words);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (run[i + n - 1]!.role !== "head") continue;
        const start = run[i]!.token.start;
        const end = run[i + n - 1]!.token.end;
        let entry = found.get(key);
        if (!entry) found.set(key, (entry = { words, spans: [] }));
        entry.spans.push({ start, end, text: words.join("") });
      }
    }
  };

  let run: RunToken[] = [];
  for (const token of tokens) {
    const role = phraseRole(token, stop);
    const adjacent = run.length > 0 && run[run.length - 1]!.token.end === token.start;
    if (!role || !adjacent) {
      if (run.length > 1) collect(run);
      run = [];
    }
    if (role) run.push({ token, role });
  }
  if (run.length > 1) collect(run);

  const candidates: PhraseCandidate[] = [];
  for (const { words, spans } of found.values()) {
    const count = spans.length;
    if (count < MIN_COUNT) continue;
    let splits = 0;
    for (let k = 1; k < words.length; k++) {
      splits += (counts.get(keyOf(words.slice(0, k))) ?? count) * (counts.get(keyOf(words.slice(k))) ?? count);
    }
    const cohesion = (count * count) / (splits / (words.length - 1));
    if (cohesion >= MIN_COHESION) candidates.push({ text: words.join(""), words, spans, cohesion });
  }
  return dropSubsumed(candidates);
}

/** Removes phrases that mostly occur inside a longer kept phrase (服务转型 inside 服务转型发展). */
function dropSubsumed(candidates: PhraseCandidate[]): PhraseCandidate[] {
  const longestFirst = [...candidates].sort((a, b) => b.words.length - a.words.length);
  /** Occurrences of each word sequence inside phrases already kept. */
  const covered = new Map<string, number>();
  const kept = new Set<PhraseCandidate>();
  for (const candidate of longestFirst) {
    const { words, spans } = candidate;
    if ((covered.get(keyOf(words)) ?? 0) >= SUBSUMED * spans.length) continue;
    kept.add(candidate);
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 2; j <= words.length; j++) {
        if (j - i === words.length) continue;
        const key = keyOf(words.slice(i, j));
        covered.set(key, (covered.get(key) ?? 0) + spans.length);
      }
    }
  }
  return candidates.filter((c) => kept.has(c));
}
