/**
 * Sentence and clause spans. Scraped Chinese text mixes widths (`,` `;` `:` `!` inside Chinese sentences), so
 * both widths count alike. Line breaks always end a sentence; enders inside “…”, 「…」, 『…』 and brackets do
 * not (a quotation that runs past a line break or past {@link MAX_QUOTED} characters is treated as closed, so
 * one stray “ cannot swallow the document).
 */
import type { Span } from "../schema.js";

const SENTENCE_ENDERS = new Set(["。", "！", "？", "!", "?", "；", ";", "…", "．"]);
const CLAUSE_ENDERS = new Set(["，", ",", "；", ";", "：", ":"]);
/** Closing marks that belong to the sentence they follow (`……。”`). */
const TRAILERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "…", "。", "！", "？", "!", "?"]);
const OPENERS = new Map([
  ["“", "”"],
  ["「", "」"],
  ["『", "』"],
  ["（", "）"],
  ["(", ")"],
  ["【", "】"],
]);
const CLOSERS = new Set(OPENERS.values());
/** A quotation or bracket longer than this is not trusted to be one (unbalanced marks in scraped text). */
const MAX_QUOTED = 300;

const isBlank = (c: string) => /\s/u.test(c);

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end, text: text.slice(start, end) });
}

/**
 * Splits `text.slice(from, to)` at `enders` outside quotes and brackets, and at line breaks.
 */
function split(text: string, from: number, to: number, enders: Set<string>): Span[] {
  const spans: Span[] = [];
  let start = from;
  let depth = 0;
  let openedAt = -1;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
      depth = 0;
      continue;
    }
    if (OPENERS.has(c)) {
      if (depth === 0) openedAt = i;
      depth++;
    } else if (CLOSERS.has(c) && depth > 0) {
      depth--;
    }
    if (depth > 0 && i - openedAt > MAX_QUOTED) depth = 0;
    if (depth === 0 && enders.has(c)) {
      let end = i + 1;
      while (end < to && TRAILERS.has(text[end]!)) end++;
      pushTrimmed(text, start, end, spans);
      start = end;
      i = end - 1;
    }
  }
  pushTrimmed(text, start, to, spans);
  return spans;
}

/**
 * Sentence spans of `text`, in order, trimmed of surrounding whitespace.
 *
 * @example
 * splitSentences("会议指出,要狠抓落实。他说：“好。”\n完") // → 会议指出,要狠抓落实。 | 他说：“好。” | 完
 */
export function splitSentences(text: string): Span[] {
  return split(text, 0, text.length, SENTENCE_ENDERS);
}

/** Clause spans (sentences cut again at ，；： in either width), in order. */
export function splitClauses(text: string, sentences: Span[]): Span[] {
  return sentences.flatMap((s) => split(text, s.start, s.end, CLAUSE_ENDERS));
}
