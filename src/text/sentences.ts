/**
 * Sentence and clause spans. Scraped Chinese text mixes widths (`,` `;` `:` `!` inside Chinese sentences), so
 * both widths count alike — except where the ASCII mark belongs to a number or an address (`1,234`, `09:30`,
 * `?id=1`, `１．`). Line breaks always end a sentence. Enders inside “…”, ‘…’, 「…」, 『…』, "…", 《…》 and brackets
 * do not, but a quotation that itself ends a sentence (`他说：“好。”然后…`) ends the sentence at its closing mark.
 * A quotation that runs past a line break or past {@link MAX_QUOTED} characters is treated as closed, so one stray
 * “ cannot swallow the document. One pass, linear in the input.
 */
import { GongwenError } from "../core/errors.js";
import { parseText } from "../core/options.js";
import type { Span } from "../core/schema.js";
import type { Stage } from "../core/stage.js";
import { trimmed } from "../core/text.js";

/** Character classes as bit flags in a table over the BMP: one lookup per character, no string per character. */
const LINE_BREAK = 1;
const SENTENCE_END = 2;
const CLAUSE_END = 4;
/** Marks that, just inside a closing quotation mark, end the sentence the quotation closes. */
const FINAL = 8;
/** Closing marks that belong to the sentence they follow (`……。”`). */
const TRAILER = 16;
const QUOTE = 32;
/** Opening and closing marks of quotations and brackets (CLOSER_OF's keys and values). */
const OPENER = 64;
const CLOSER = 128;

const CLASSES = new Uint8Array(0x10000);
const mark = (chars: string, flag: number) => {
  for (const c of chars) CLASSES[c.charCodeAt(0)]! |= flag;
};
mark("\n\r\u2028\u2029", LINE_BREAK);
mark("。！？!?；;…．", SENTENCE_END);
mark("，,；;：:", CLAUSE_END);
mark("。！？!?…", FINAL);
mark("”’」』）)】》…。！？!?\"", TRAILER);
mark("“‘「『\"", QUOTE);

/** Opening mark → its closing mark. */
const CLOSER_OF = new Map([..."“”‘’「」『』《》（）()【】\"\""].flatMap((c, i, all) => (i % 2 ? [] : [[c.charCodeAt(0), all[i + 1]!.charCodeAt(0)]])));
for (const [opener, closer] of CLOSER_OF) {
  CLASSES[opener]! |= OPENER;
  CLASSES[closer]! |= CLOSER;
}
const ASCII_QUOTE = 0x22;
/** A quotation or bracket longer than this is not trusted to be one (unbalanced marks in scraped text). */
const MAX_QUOTED = 300;

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  const span = trimmed(text, start, end);
  if (span) into.push(span);
}

/** Whether the ender at `i` ends a unit: ASCII marks inside numbers (1,234 09:30 ３．５) and addresses (?id=1) do not. */
function endsAt(text: string, i: number, enders: number): boolean {
  const c = text.charCodeAt(i);
  if (!(CLASSES[c]! & enders)) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if (c === 0x2c || c === 0x3a) return !(isDigit(before) && isDigit(after)); // , :
  if (c === 0xff0e) return !isDigit(before); // ．
  if (c === 0x21 || c === 0x3f || c === 0x3b) return !isAsciiAlnum(after) && after !== 0x3d && after !== 0x26; // ! ? ;
  return true;
}

/**
 * Splits `text.slice(from, to)` at `enders` outside quotes and brackets, after a quotation that ends a sentence,
 * and at line breaks.
 */
function split(text: string, from: number, to: number, enders: number): Span[] {
  const spans: Span[] = [];
  let start = from;
  const open: number[] = [];
  let openedAt = -1;
  const finish = (at: number) => {
    let end = at + 1;
    while (end < to && CLASSES[text.charCodeAt(end)]! & TRAILER) end++;
    pushTrimmed(text, start, end, spans);
    start = end;
    return end - 1;
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const flags = CLASSES[c]!;
    if (flags & LINE_BREAK) {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
      open.length = 0;
      continue;
    }
    if (open.length > 0 && i - openedAt > MAX_QUOTED) open.length = 0;
    if (flags & CLOSER && (c !== ASCII_QUOTE || open.includes(ASCII_QUOTE))) {
      // a loop, not findLastIndex: a closure over `c` would make V8 allocate a context for every character
      let at = open.length - 1;
      while (at >= 0 && CLOSER_OF.get(open[at]!) !== c) at--;
      if (at < 0) continue;
      const opener = open[at]!;
      open.length = at;
      // “……好。”: the quotation ended the sentence.
      if (open.length === 0 && CLASSES[opener]! & QUOTE && CLASSES[text.charCodeAt(i - 1)]! & FINAL && enders === SENTENCE_END) {
        i = finish(i);
      }
      continue;
    }
    if (flags & OPENER) {
      if (open.length === 0) openedAt = i;
      open.push(c);
      continue;
    }
    if (open.length === 0 && flags & enders && endsAt(text, i, enders)) i = finish(i);
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
  return split(parseText(text), 0, text.length, SENTENCE_END);
}

/**
 * Clause spans (sentences cut again at ，；： in either width), in order.
 *
 * @example
 * splitClauses(text, splitSentences(text)); // "5月17日,学院召开会议:研究工作。" → 5月17日, | 学院召开会议: | 研究工作。
 */
export function splitClauses(text: string, sentences: Span[]): Span[] {
  parseText(text);
  if (!Array.isArray(sentences)) throw new GongwenError("INVALID_INPUT", "splitClauses() expects the text's sentence spans (an array) after the text");
  return sentences.flatMap((s) => split(text, s.start, s.end, CLAUSE_END));
}

/** Sentence and clause spans. */
export const sentenceStage: Stage<"sentences" | "clauses"> = {
  name: "sentences",
  reads: [],
  writes: ["sentences", "clauses"],
  run: (doc) => {
    const sentences = splitSentences(doc.text);
    return { ...doc, sentences, clauses: splitClauses(doc.text, sentences) };
  },
};
