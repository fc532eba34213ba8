/**
 * Sentence and clause spans. Scraped Chinese text mixes widths (`,` `;` `:` `!` inside Chinese sentences), so
 * both widths count alike — except where the ASCII mark belongs to a number or an address (`1,234`, `09:30`,
 * `?id=1`, `１．`). Line breaks always end a sentence. Enders inside “…”, ‘…’, 「…」, 『…』, "…", 《…》 and brackets
 * do not, but a quotation that itself ends a sentence (`他说：“好。”然后…`) ends the sentence at its closing mark.
 * A quotation that runs past a line break or past {@link MAX_QUOTED} characters is treated as closed, so one stray
 * “ cannot swallow the document. One pass, linear in the input.
 */
import type { Span } from "../schema.js";

const SENTENCE_ENDERS = new Set(["。", "！", "？", "!", "?", "；", ";", "…", "．"]);
const CLAUSE_ENDERS = new Set(["，", ",", "；", ";", "：", ":"]);
/** Marks that, just inside a closing quotation mark, end the sentence the quotation closes. */
const FINAL_MARKS = new Set(["。", "！", "？", "!", "?", "…"]);
/** Closing marks that belong to the sentence they follow (`……。”`). */
const TRAILERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "…", "。", "！", "？", "!", "?", '"']);
const OPENERS = new Map([
  ["“", "”"],
  ["‘", "’"],
  ["「", "」"],
  ["『", "』"],
  ["《", "》"],
  ["（", "）"],
  ["(", ")"],
  ["【", "】"],
  ['"', '"'],
]);
const CLOSERS = new Set(OPENERS.values());
const QUOTES = new Set(["“", "‘", "「", "『", '"']);
/** A quotation or bracket longer than this is not trusted to be one (unbalanced marks in scraped text). */
const MAX_QUOTED = 300;

const isBlank = (c: string) => /\s/u.test(c);
const isAsciiAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /^[0-9０-９]$/.test(c);
const isLineBreak = (c: string) => c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && isBlank(text[start]!)) start++;
  while (end > start && isBlank(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end, text: text.slice(start, end) });
}

/** Whether the ender at `i` ends a unit: ASCII marks inside numbers (1,234 09:30 ３．５) and addresses (?id=1) do not. */
function endsAt(text: string, i: number, enders: Set<string>): boolean {
  const c = text[i]!;
  if (!enders.has(c)) return false;
  const before = text[i - 1];
  const after = text[i + 1];
  if (c === "," || c === ":" || c === "．") return !(isDigit(before) && isDigit(after)) && !(c === "．" && isDigit(before));
  if (c === "!" || c === "?" || c === ";") return !isAsciiAlnum(after) && after !== "=" && after !== "&";
  return true;
}

/**
 * Splits `text.slice(from, to)` at `enders` outside quotes and brackets, after a quotation that ends a sentence,
 * and at line breaks.
 */
function split(text: string, from: number, to: number, enders: Set<string>): Span[] {
  const spans: Span[] = [];
  let start = from;
  const open: string[] = [];
  let openedAt = -1;
  const finish = (at: number) => {
    let end = at + 1;
    while (end < to && TRAILERS.has(text[end]!)) end++;
    pushTrimmed(text, start, end, spans);
    start = end;
    return end - 1;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (isLineBreak(c)) {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
      open.length = 0;
      continue;
    }
    if (open.length > 0 && i - openedAt > MAX_QUOTED) open.length = 0;
    const closesAsciiQuote = c === '"' && open.includes('"');
    if (CLOSERS.has(c) && (c !== '"' || closesAsciiQuote)) {
      const at = open.findLastIndex((opener) => OPENERS.get(opener) === c);
      if (at < 0) continue;
      const opener = open[at]!;
      open.length = at;
      // “……好。”: the quotation ended the sentence.
      if (open.length === 0 && QUOTES.has(opener) && FINAL_MARKS.has(text[i - 1] ?? "") && enders === SENTENCE_ENDERS) {
        i = finish(i);
      }
      continue;
    }
    if (OPENERS.has(c)) {
      if (open.length === 0) openedAt = i;
      open.push(c);
      continue;
    }
    if (open.length === 0 && endsAt(text, i, enders)) i = finish(i);
  }
  pushTrimmed(text, start, to, spans);
  return spans;
}

/**
 * Sentence spans of `text`, in order, trimmed of surrounding whitespace.
 *
 * @example
 * splitSentences("会议指出,要狠抓落实。他说：“好。”然后离开。\n完");
 * // → 会议指出,要狠抓落实。 | 他说：“好。” | 然后离开。 | 完
 */
export function splitSentences(text: string): Span[] {
  return split(text, 0, text.length, SENTENCE_ENDERS);
}

/**
 * Clause spans (sentences cut again at ，；： in either width), in order.
 *
 * @example
 * splitClauses(text, splitSentences(text)); // "5月17日,学院召开会议:研究工作。" → 5月17日, | 学院召开会议: | 研究工作。
 */
export function splitClauses(text: string, sentences: Span[]): Span[] {
  return sentences.flatMap((s) => split(text, s.start, s.end, CLAUSE_ENDERS));
}
