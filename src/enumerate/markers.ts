/**
 * Enumeration markers: one small grammar per style, read by a single left-to-right scan with bounded look-ahead
 * and look-behind (no regular expressions over the text), so any input costs linear time.
 *
 * A marker is only proposed here; `assemble.ts` decides which markers form lists.
 */
import { parseChineseNumber, parseOrdinal } from "../text/numerals.js";

/** Stable style names (the gold set in test/fixtures/enumerations uses the same). */
export type MarkerStyle =
  | "inline-shi" // 一是 / 二是
  | "inline-yao" // 一要 / 二要
  | "inline-qi" // 其一 / 其二
  | "di" // 第一， / 第二，
  | "sequence" // 首先 / 其次 / 再次 / 然后 / 最后
  | "di-zhang" // 第一章
  | "di-tiao" // 第一条
  | "cn-dun" // 一、
  | "cn-paren" // （一） (一)
  | "arabic-dot" // 1. 1．
  | "arabic-dun" // 1、
  | "arabic-paren" // （1） (1)
  | "arabic-half-paren" // 1） 1)
  | "circled"; // ①

/** Every style name an enumeration can have: the marker styles and `parallel` (排比). */
export type EnumerationStyle = MarkerStyle | "parallel";

/**
 * Level in the GB/T 9704 heading hierarchy (第X章 → 一、 → （一） → 1. → （1）); a smaller number is a higher level.
 * Inline styles come last: they sit inside whatever item they occur in.
 */
export const STYLE_RANK: Readonly<Record<EnumerationStyle, number>> = {
  "di-zhang": 0,
  "cn-dun": 1,
  "di-tiao": 2,
  "cn-paren": 3,
  "arabic-dot": 4,
  "arabic-dun": 4,
  "arabic-paren": 5,
  "arabic-half-paren": 6,
  circled: 7,
  di: 8,
  "inline-shi": 9,
  "inline-yao": 9,
  "inline-qi": 9,
  sequence: 10,
  parallel: 11,
};

/** Styles written inside running text: a lone one is not a list. */
export const INLINE_STYLES: ReadonlySet<EnumerationStyle> = new Set([
  "inline-shi",
  "inline-yao",
  "inline-qi",
  "di",
  "sequence",
  "parallel",
]);

export interface Marker {
  style: MarkerStyle;
  /** The number the marker says; for `sequence` 1 (首先), 2 (其次), 3 (再次), 0 (然后/最后: "the next one"). */
  ordinal: number;
  start: number;
  end: number;
  /** Only whitespace lies between the marker and the start of its line. */
  lineStart: boolean;
}

const CN_NUMERAL_CHARS = new Set([..."〇零一二三四五六七八九十百"]);
/** Longest Chinese numeral read as a marker (九十九 has three characters, 一百零五 four). */
const MAX_CN_NUMERAL = 4;
/** Longest Arabic number read as a marker (the gold set and GB/T 9704 lists stay below 100). */
const MAX_ARABIC_NUMERAL = 2;
/** Spaces that may indent a line or sit between punctuation and a marker (ideographic, zero-width, NBSP). */
const BLANKS = new Set([" ", "\t", "\u3000", "\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff"]);
const LINE_BREAKS = new Set(["\n", "\r", "\u2028", "\u2029"]);
/** Punctuation after which an inline marker (一是, 第一，, 首先) may open a clause. */
const CLAUSE_BREAKS = new Set([..."。！？；：，、,;:!?）)”’」』】》…．"]);
/** Punctuation after which a heading marker (一、, 1.) may open a run-in paragraph (`…如下：一、…`). */
const SENTENCE_BREAKS = new Set([..."。！？；：;:!?"]);
/** What may follow 第一 when it numbers an item rather than a rank (第一次, 第一书记 are not items). */
const AFTER_DI = new Set([..."，,、：:"]);
/** What may follow 其一 (其一，… / 其一是…). */
const AFTER_QI = new Set([..."，,、：:是"]);
const OPEN_PARENS = new Set(["（", "("]);
const CLOSE_PARENS = new Set(["）", ")"]);
const DOTS = new Set([".", "．"]);
const FIRST_CIRCLED = 0x2460; // ①
const LAST_CIRCLED = 0x2473; // ⑳

/**
 * A lookup table over UTF-16 code units: hot loops test `table[text.charCodeAt(i)]` instead of building a
 * one-character string per position (which costs an allocation for every Chinese character).
 */
export function charTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const CN_NUMERAL = charTable(CN_NUMERAL_CHARS);
const ARABIC_DIGIT = charTable("0123456789０１２３４５６７８９");
/** `text[i]` is in `table` (false outside the text: charCodeAt gives NaN). */
const is = (table: Uint8Array, text: string, i: number) => table[text.charCodeAt(i)] === 1;

/** Length of the run of characters in `table` at `from`, or 0 when it is longer than `max`. */
function runLength(text: string, from: number, max: number, table: Uint8Array): number {
  let i = from;
  while (i - from <= max && is(table, text, i)) i++;
  return i - from > max ? 0 : i - from;
}

/** What precedes `at`, skipping blanks: `line` (start of text or of a line) or the preceding character. */
function before(text: string, at: number): { line: boolean; char: string | undefined } {
  let i = at - 1;
  // Bounded so that a megabyte of spaces followed by markers stays linear.
  const stop = Math.max(-1, at - 64);
  while (i > stop && BLANKS.has(text[i]!)) i--;
  if (i < 0 || LINE_BREAKS.has(text[i]!)) return { line: true, char: undefined };
  return { line: false, char: text[i] };
}

/** 首先 opens a sequence; 然后 and 最后 (0) take the next number in it; 其次 is read with 其一 below. */
const SEQUENCE_WORDS: ReadonlyMap<string, number> = new Map([
  ["首先", 1],
  ["再次", 3],
  ["然后", 0],
  ["最后", 0],
]);
/** Every character a marker can start with: the scan skips all others at the cost of one lookup. */
const STARTERS = charTable([
  ...CN_NUMERAL_CHARS,
  ..."0123456789０１２３４５６７８９（(第其",
  ...[...SEQUENCE_WORDS.keys()].map((w) => w[0]!),
  ...Array.from({ length: LAST_CIRCLED - FIRST_CIRCLED + 1 }, (_, k) => String.fromCharCode(FIRST_CIRCLED + k)),
]);

/** Proposes every enumeration marker in `text.slice(from, to)`, in text order. */
export function scanMarkers(text: string, from = 0, to = text.length): Marker[] {
  const markers: Marker[] = [];
  const push = (style: MarkerStyle, ordinal: number | undefined, start: number, end: number, line: boolean) => {
    if (ordinal !== undefined && end <= to) markers.push({ style, ordinal, start, end, lineStart: line });
  };
  for (let i = from; i < to; i++) {
    if (!STARTERS[text.charCodeAt(i)]) continue;
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code >= FIRST_CIRCLED && code <= LAST_CIRCLED) {
      push("circled", code - FIRST_CIRCLED + 1, i, i + 1, before(text, i).line);
      continue;
    }
    // Markers start at a run boundary: 统一是 / 第一第一 / 11.1 never yield one from the middle of a run.
    const prev = text[i - 1];
    if (is(CN_NUMERAL, text, i) && !is(CN_NUMERAL, text, i - 1) && prev !== "第" && prev !== "其" && !OPEN_PARENS.has(prev ?? "")) {
      const n = runLength(text, i, MAX_CN_NUMERAL, CN_NUMERAL);
      const next = text[i + n];
      if (n === 0 || (next !== "是" && next !== "要" && next !== "、")) {
        i += Math.max(n, 1) - 1;
        continue;
      }
      const ctx = before(text, i);
      const ordinal = () => parseOrdinal(text.slice(i, i + n));
      if (next !== "、" && (ctx.line || CLAUSE_BREAKS.has(ctx.char!))) {
        push(next === "是" ? "inline-shi" : "inline-yao", ordinal(), i, i + n + 1, ctx.line);
      } else if (next === "、" && (ctx.line || SENTENCE_BREAKS.has(ctx.char!))) {
        push("cn-dun", ordinal(), i, i + n + 1, ctx.line);
      }
      i += n - 1;
    } else if (is(ARABIC_DIGIT, text, i) && !is(ARABIC_DIGIT, text, i - 1) && !DOTS.has(prev ?? "") && !OPEN_PARENS.has(prev ?? "")) {
      const n = runLength(text, i, MAX_ARABIC_NUMERAL, ARABIC_DIGIT);
      const next = text[i + n] ?? "";
      if (n === 0 || !(DOTS.has(next) || next === "、" || CLOSE_PARENS.has(next))) {
        i += Math.max(n, 1) - 1;
        continue;
      }
      const ctx = before(text, i);
      if (ctx.line || SENTENCE_BREAKS.has(ctx.char!)) {
        const value = parseChineseNumber(text.slice(i, i + n));
        // 1.5 and 1.2.3 are numbers or section numbers, not list markers.
        if (DOTS.has(next) && !is(ARABIC_DIGIT, text, i + n + 1)) push("arabic-dot", value, i, i + n + 1, ctx.line);
        else if (next === "、") push("arabic-dun", value, i, i + n + 1, ctx.line);
        else if (CLOSE_PARENS.has(next)) push("arabic-half-paren", value, i, i + n + 1, ctx.line);
      }
      i += n - 1;
    } else if (OPEN_PARENS.has(c)) {
      const ctx = before(text, i);
      if (!ctx.line && !CLAUSE_BREAKS.has(ctx.char!) && !OPEN_PARENS.has(ctx.char!)) continue;
      const cn = runLength(text, i + 1, MAX_CN_NUMERAL, CN_NUMERAL);
      const arabic = cn ? 0 : runLength(text, i + 1, MAX_ARABIC_NUMERAL, ARABIC_DIGIT);
      const n = cn || arabic;
      if (n === 0 || !CLOSE_PARENS.has(text[i + 1 + n] ?? "")) continue;
      const inner = text.slice(i + 1, i + 1 + n);
      push(cn ? "cn-paren" : "arabic-paren", cn ? parseOrdinal(inner) : parseChineseNumber(inner), i, i + n + 2, ctx.line);
    } else if (c === "第") {
      const n = runLength(text, i + 1, MAX_CN_NUMERAL, CN_NUMERAL);
      if (n === 0) continue;
      const next = text[i + 1 + n];
      const ctx = before(text, i);
      const ordinal = parseOrdinal(text.slice(i + 1, i + 1 + n));
      if ((next === "章" || next === "条") && ctx.line) {
        push(next === "章" ? "di-zhang" : "di-tiao", ordinal, i, i + n + 2, true);
      } else if (AFTER_DI.has(next ?? "") && (ctx.line || CLAUSE_BREAKS.has(ctx.char!))) {
        push("di", ordinal, i, i + n + 1, ctx.line);
      }
    } else if (c === "其") {
      const next = text[i + 1];
      const ctx = before(text, i);
      if (!ctx.line && !CLAUSE_BREAKS.has(ctx.char!)) continue;
      if (next === "次") {
        push("sequence", 2, i, i + 2, ctx.line);
        continue;
      }
      const n = runLength(text, i + 1, 2, CN_NUMERAL);
      if (n > 0 && AFTER_QI.has(text[i + 1 + n] ?? "")) push("inline-qi", parseOrdinal(text.slice(i + 1, i + 1 + n)), i, i + 1 + n, ctx.line);
    } else if (SEQUENCE_WORDS.has(c + (text[i + 1] ?? ""))) {
      const ctx = before(text, i);
      if (ctx.line || CLAUSE_BREAKS.has(ctx.char!)) push("sequence", SEQUENCE_WORDS.get(c + text[i + 1])!, i, i + 2, ctx.line);
    }
  }
  return markers;
}
